-- The duplicate search filters state with an IN list of the open states; with the state first in
-- the key, H2 looks up each open state directly instead of walking the whole category (the index of
-- V10_2 put the state second, which H2 cannot use for an IN list).
DROP INDEX ix_case_file_category_state;
CREATE INDEX ix_case_file_state_category ON case_file (state, category_id, created_at);
