-- 重复件 duplicate search on H2, which has no partial indexes: the category of a case while it is open
-- (null once it is closed, rejected, merged or transferred), indexed with the latitude, so the search
-- reads only the open cases of the category in the latitude band of the box. V13_2's (category_id, lat)
-- also read every closed case reported at the same spot: at one building reported 190 000 times (the
-- lifecycle benchmark) each intake walked all of them. PostgreSQL has V10_1's partial index instead.
ALTER TABLE case_file ADD COLUMN open_category_id BIGINT GENERATED ALWAYS AS (
  CASE WHEN state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RESOLVED', 'VERIFIED', 'RETURNED',
                      'REOPENED', 'ESCALATED', 'PARKED') THEN category_id END);
CREATE INDEX ix_case_file_open_category_lat ON case_file (open_category_id, lat);
DROP INDEX ix_case_file_category_lat;
