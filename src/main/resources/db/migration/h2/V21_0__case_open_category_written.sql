-- open_category_id (the category of a case while it is open, null once it is closed, rejected, merged or
-- transferred) becomes an ordinary column that the application writes (CaseRepository, from CaseState.open()).
-- V16_0 made it an H2 generated column; H2 2.4 keeps the session that ran the DDL inside the expression's
-- IN-list (ConditionInConstantSet's comparator), and once the pool retired that connection (Hikari's
-- max-lifetime, 30 minutes) every INSERT and UPDATE of case_file failed with "The database has been closed".
-- The index of V20_0 is kept as it was.
DROP INDEX ix_case_file_open_near_entry;
ALTER TABLE case_file DROP COLUMN open_category_id;
ALTER TABLE case_file ADD COLUMN open_category_id BIGINT;
UPDATE case_file SET open_category_id = category_id
 WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');
CREATE INDEX ix_case_file_open_near_entry ON case_file (open_category_id, lat, lng, created_at);
