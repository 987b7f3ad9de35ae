-- The data scope's prefix ("region_path LIKE '/1/2/%'") on PostgreSQL with a non-C collation needs the pattern
-- operator class to use an index.
CREATE INDEX ix_patrol_path_pattern ON patrol (region_path varchar_pattern_ops, patrol_date);
CREATE INDEX ix_patrol_visit_path_pattern ON patrol_visit (region_path varchar_pattern_ops, visit_date);
