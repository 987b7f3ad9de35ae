-- The published read model's resolution time as an index range (docs/analytics.md "Scale"). PostgreSQL also indexes
-- COALESCE(received_at, created_at); H2 has no expression indexes (and holds no such volumes).
CREATE INDEX IF NOT EXISTS ix_case_file_resolved ON case_file (resolved_at);
