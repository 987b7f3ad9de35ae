-- open_category_id: the category of a case while it is open (null once it is closed, rejected, merged or
-- transferred), written by the application. H2 indexes it for the duplicate search (db/migration/h2/V21_0);
-- PostgreSQL keeps its partial index (V19_0) and has the column only so that both databases take the same
-- INSERT and UPDATE. No backfill: nothing reads it here. Adding a nullable column without a default does not
-- rewrite the table.
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS open_category_id BIGINT;
