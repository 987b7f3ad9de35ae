-- PostgreSQL with a non-C collation cannot use a plain btree index for "region_path LIKE '/1/2/%'": the scope's
-- prefix needs the pattern operator class (measured: the grid's first page of houses at 800,000 houses).
CREATE INDEX ix_res_house_path_pattern ON res_house (region_path varchar_pattern_ops, address, id);
CREATE INDEX ix_res_person_path_pattern ON res_person (region_path varchar_pattern_ops, name, id);
CREATE INDEX ix_res_person_name_pattern ON res_person (name varchar_pattern_ops, id);
