-- 重复件 duplicate search on H2 (no partial indexes): the category's cases in the latitude band of the
-- box around a report, then the open ones among them. A town's category holds a few thousand cases over
-- the years, of which the band holds a few percent; neither column changes after intake, so no
-- transition rewrites this index. PostgreSQL has V10_1's partial index on open cases for the same search.
CREATE INDEX ix_case_file_category_lat ON case_file (category_id, lat);
