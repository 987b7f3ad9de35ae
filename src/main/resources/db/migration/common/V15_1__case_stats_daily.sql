-- 领导统计 (the leader's overview, CaseBoard.stats) from a daily rollup instead of GROUP BYs over every
-- case of the period: a city's year is 365 days × a few dozen rows, not three million cases.
--
-- One row per scope, day, dimension and value: how many cases reported that day (Asia/Shanghai) are
-- now in that state / of that kind / at that tier / from that channel / were resolved at that tier,
-- and (dim CLOSED) how many cases were closed that day. Scopes are the region path prefixes a user's
-- data scope can have down to the town: '/' (the whole tree), a county '/c/', a town '/c/t/'.
-- Written only by the refresh job (CaseStatsRollup), never by the case transitions.
CREATE TABLE case_stats_daily (
  scope_path  VARCHAR(400) NOT NULL,
  stat_day    DATE         NOT NULL,
  dim         VARCHAR(12)  NOT NULL,
  val         VARCHAR(30)  NOT NULL,
  n           BIGINT       NOT NULL,
  CONSTRAINT pk_case_stats_daily PRIMARY KEY (scope_path, stat_day, dim, val)
);
-- the job rewrites a day at a time
CREATE INDEX ix_case_stats_daily_day ON case_stats_daily (stat_day);

-- The refresh job's one row: a node takes it FOR UPDATE SKIP LOCKED, so one node refreshes at a time.
-- last_history_id: case_history rows up to here are in the rollup (a case's every change writes one);
-- refreshed_at: the rollup is exact as of this instant; region_mark: the region tree it was built on
-- (a moved region changes which town's figures its cases count in: the job then rebuilds).
CREATE TABLE case_stats_job (
  id               INT          PRIMARY KEY,
  last_history_id  BIGINT,
  refreshed_at     TIMESTAMP WITH TIME ZONE,
  region_mark      VARCHAR(100),
  last_run_days    INT,
  last_run_millis  BIGINT
);
INSERT INTO case_stats_job (id) VALUES (1);
