-- 重复件 open cases of a category near a point, by latitude band and newest first (it replaces V18_0's
-- ix_case_file_open_near_box on (category_id, lat, lng)). The duplicate search wants the newest 50 open
-- cases of the category in a 400 m box. The old index found every open case of the box, and each was read
-- from the table to sort them by time: near a crowded spot (649 open cases of one category in the box at
-- the end of a benchmark run) a search read 593 pages for 50 cases. Here the box's one or two bands of
-- latitude (floor(lat * 250): 250 a degree, about 445 m, CaseQueries.BANDS_PER_DEGREE) are each read
-- backwards in time, the longitude and latitude tested on the index entry, so that only the newest cases
-- inside the box are read from the table (docs/benchmarks.md, round 13).
-- Built CONCURRENTLY, like V18_0, so that cases keep coming in while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_near_band
  ON case_file (category_id, floor(lat * 250), created_at, lng, lat)
  WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');
DROP INDEX CONCURRENTLY IF EXISTS ix_case_file_open_near_box;
