-- One message per user and de-duplication key, enforced by the database: the inbox writes with
-- ON CONFLICT DO NOTHING instead of checking first. Replaces the plain index of V4_1.
CREATE UNIQUE INDEX ux_inbox_dedup ON inbox_message (user_id, dedup_key);
DROP INDEX ix_inbox_dedup;
