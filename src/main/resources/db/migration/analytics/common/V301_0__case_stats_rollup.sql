-- 领导统计 (the leader's overview, analytics' CaseBoard.stats) from a daily rollup instead of GROUP BYs over every
-- case of the period: a city's year is 365 days × a few dozen rows, not three million cases. Moved from the core's
-- case_stats_daily (V15_1, dropped by V27_1); an empty rollup is rebuilt at the job's first run.
--
-- One row per scope, day, dimension and value: how many cases reported that day (Asia/Shanghai) are now in that
-- state / of that kind / at that tier / from that channel / were resolved at that tier, and (dim CLOSED) how many
-- cases were closed that day. Scopes are the region path prefixes a user's data scope can have down to the town:
-- '/' (the whole tree), a county '/c/', a town '/c/t/'. Written only by the refresh job (CaseStatsRollup), which
-- reads the published views case_work_v and case_change_v.
CREATE TABLE analytics_case_stats_daily (
  scope_path  VARCHAR(400) NOT NULL,
  stat_day    DATE         NOT NULL,
  dim         VARCHAR(12)  NOT NULL,
  val         VARCHAR(30)  NOT NULL,
  n           BIGINT       NOT NULL,
  CONSTRAINT pk_analytics_case_stats_daily PRIMARY KEY (scope_path, stat_day, dim, val)
);
-- the job rewrites a day at a time
CREATE INDEX ix_analytics_case_stats_daily_day ON analytics_case_stats_daily (stat_day);

-- The refresh job's one row: a node takes it FOR UPDATE SKIP LOCKED, so one node refreshes at a time.
-- last_change_id: case changes (case_change_v) up to here are in the rollup; refreshed_at: the rollup is exact as of
-- this instant; region_mark: the region tree it was built on (a moved region changes which town's figures its cases
-- count in: the job then rebuilds).
CREATE TABLE analytics_case_stats_job (
  id               INT          PRIMARY KEY,
  last_change_id   BIGINT,
  refreshed_at     TIMESTAMP WITH TIME ZONE,
  region_mark      VARCHAR(100),
  last_run_days    INT
);
INSERT INTO analytics_case_stats_job (id) VALUES (1);
