-- Duplicate search on intake: open cases of a category, newest first. With the state in the key the
-- search skips the category's closed cases, however many a busy week brings.
CREATE INDEX ix_case_file_category_state ON case_file (category_id, state, created_at);
