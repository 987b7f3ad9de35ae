-- V10_3's (state, category_id, created_at) did not serve the duplicate search: H2 walks an IN list on
-- the first key column but then ignores the rest of the key (EXPLAIN ANALYZE: every open case
-- scanned), and PostgreSQL uses V10_1's partial index on open cases instead. Being keyed by state, it
-- was also rewritten on every transition. H2 gets a key it can range over in V13_2.
DROP INDEX ix_case_file_state_category;
