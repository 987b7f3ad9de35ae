-- The overview's daily rollup moved to analytics (issue 23 item 2): analytics keeps it in its own tables
-- (db/migration/analytics/common/V301_0__case_stats_rollup.sql) and rebuilds it from the published views at its
-- first run, so the core's copies go.
DROP TABLE case_stats_daily;
DROP TABLE case_stats_job;
