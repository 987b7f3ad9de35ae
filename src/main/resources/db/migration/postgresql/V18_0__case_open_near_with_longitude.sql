-- 重复件 open cases of a category near a point, with the longitude in the index as well as the
-- latitude (it replaces V10_1's ix_case_file_open_near on (category_id, lat)). The old index found the
-- category's open cases in a latitude band across the whole town and read every one of them from the
-- table to test the longitude; now the longitude is tested on the index entry and only the cases in
-- the box are read: 722 table pages became 352 for one intake near a crowded point, and the search
-- went from PostgreSQL's largest cost per intake to half of it (docs/benchmarks.md, round 6).
-- Built CONCURRENTLY, like V10_1, so that cases keep coming in while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_near_box ON case_file (category_id, lat, lng)
  WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');
DROP INDEX CONCURRENTLY IF EXISTS ix_case_file_open_near;
