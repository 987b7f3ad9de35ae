-- 重复件 the duplicate search walks the open cases of a category nearest a point first and stops after the
-- fifty it shows (CaseQueries.NEAREST), so it reads as many cases as it gives however crowded the spot.
-- V18_0's B-tree on (category_id, lat, lng) had it read every open case of the category in the box around the
-- point and keep the fifty newest: at a spot reported 1 777 times in a week (the intake benchmark) that was
-- 1 622 table pages and 22 ms for one search; this index answered it from 57 pages in 0.2 ms
-- (docs/benchmarks.md, round 10). Cases without a place are left out: they are never near anything.
-- Built CONCURRENTLY, like V18_0, so that cases keep coming in while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_nearest ON case_file
  USING gist (category_id, point(lng, lat))
  WHERE lat IS NOT NULL AND lng IS NOT NULL AND state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');
DROP INDEX CONCURRENTLY IF EXISTS ix_case_file_open_near_box;
