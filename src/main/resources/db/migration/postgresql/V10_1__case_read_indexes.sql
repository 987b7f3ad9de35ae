-- Indexes for the screens people wait on at 10 million cases (issue 7, docs/benchmarks.md).
-- Built CONCURRENTLY so that an existing installation keeps taking cases while they build
-- (Flyway runs a migration made only of such statements outside a transaction; see
-- spring.flyway.postgresql.transactional-lock in application.yml).
--
-- No trigram index for Chinese text search: pg_trgm cannot use one for two-character words
-- (漏水, 停电, 噪音: most searches), and with it the planner scanned the whole GIN index for them
-- (11 s at 100 000 cases instead of 0.2 s). See docs/benchmarks.md for what search needs instead.

-- 部门待办 a handler's inbox, newest first: the department's cases without sorting all of them.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_department_created ON case_file (department_id, created_at);

-- 重复件 open cases of a category near a point: only open cases, by latitude band (the duplicate
-- query's state condition is the index's predicate, word for word).
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_near ON case_file (category_id, lat)
  WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');

-- 领导统计 counts by state, kind and tier of a region subtree over a period: answered from the
-- index alone. It replaces ix_case_file_region (same leading columns).
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_region_cover ON case_file (region_id, created_at)
  INCLUDE (state, kind, tier);
DROP INDEX CONCURRENTLY IF EXISTS ix_case_file_region;
