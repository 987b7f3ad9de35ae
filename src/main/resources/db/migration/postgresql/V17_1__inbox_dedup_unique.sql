-- One message per user and de-duplication key, enforced by the database: the inbox writes with
-- ON CONFLICT DO NOTHING instead of checking first (the check's plan, made while the table was small,
-- could read all of a dispatcher's messages for every new case: docs/benchmarks.md, round 5).
-- Replaces the plain index of V4_1. Built CONCURRENTLY, like V10_1, so that cases keep coming in.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_inbox_dedup ON inbox_message (user_id, dedup_key);
DROP INDEX CONCURRENTLY IF EXISTS ix_inbox_dedup;
