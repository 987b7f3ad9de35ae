-- 重复件 duplicate search on H2: the open cases of a category near a point, found in the index alone. V16_0's
-- (open_category_id, lat) found every open case of the category at the box's latitudes, over the whole town,
-- and each was read from the table to test its longitude and time and to sort the box by time. With the
-- longitude and the time in the index, H2 tests them on the index entry and sorts the box's entries, so only
-- the newest few cases of the box are read from the table (CaseQueries.H2_NEWEST_IN_BOX). Near a crowded spot
-- (1 448 open cases of a category in the box) a search took 0.8 ms instead of 6.7 ms (docs/benchmarks.md,
-- part 3, round 15). PostgreSQL has V19_0's partial index by latitude band instead.
CREATE INDEX ix_case_file_open_near_entry ON case_file (open_category_id, lat, lng, created_at);
DROP INDEX ix_case_file_open_category_lat;
