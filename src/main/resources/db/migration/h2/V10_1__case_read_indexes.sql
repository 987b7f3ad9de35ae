-- Indexes for the screens people wait on (issue 7, docs/benchmarks.md); the H2 subset of the
-- PostgreSQL migration of the same version (V10_1: above every version on main, see docs/architecture.md) (H2 has no partial, covering or trigram indexes).

-- 部门待办 a handler's inbox, newest first.
CREATE INDEX IF NOT EXISTS ix_case_file_department_created ON case_file (department_id, created_at);
