-- The rate rollup 考核指标汇总 (docs/assessment.md "At scale"): every rate's numerator and denominator per scope
-- (the whole tree, each county, each town: region path prefixes of up to two steps), day of the counted event and,
-- for 按期结案率, day of parking. Kept by RateRollup from the published read model case_facts_v; the cases changed
-- since its last run are found in the published change feed case_change_v. Exactly the direct formula's figures.

-- The job's one row: built once (built_at), then brought up to date from the change feed (last_change_id). A run
-- holds this row FOR UPDATE, so that one node at a time writes the rollup.
CREATE TABLE assessment_rate_job (
  id              INT          PRIMARY KEY,
  last_change_id  BIGINT,
  built_at        TIMESTAMP WITH TIME ZONE,
  refreshed_at    TIMESTAMP WITH TIME ZONE,
  cases_changed   BIGINT
);
INSERT INTO assessment_rate_job (id) VALUES (1);

-- What each case counts in: per rate the day (days since 1970-01-01, Asia/Shanghai) of the event its denominator
-- counts, null when it is not in the denominator, and 1 when it is also in the numerator; the day it was parked.
-- A changed case's old row is taken out of the rollup and its new row put in.
CREATE TABLE assessment_rate_case (
  case_id            BIGINT       PRIMARY KEY,
  region_path        VARCHAR(255) NOT NULL,
  parked_day         INT,
  d_closure          INT,
  n_closure          SMALLINT NOT NULL,
  d_on_time_closure  INT,
  n_on_time_closure  SMALLINT NOT NULL,
  d_disposal         INT,
  n_disposal         SMALLINT NOT NULL,
  d_rework           INT,
  n_rework           SMALLINT NOT NULL,
  d_timely_dispatch  INT,
  n_timely_dispatch  SMALLINT NOT NULL,
  d_return           INT,
  n_return           SMALLINT NOT NULL,
  d_extension        INT,
  n_extension        SMALLINT NOT NULL,
  d_satisfaction     INT,
  n_satisfaction     SMALLINT NOT NULL,
  d_response         INT,
  n_response         SMALLINT NOT NULL,
  d_within_grid      INT,
  n_within_grid      SMALLINT NOT NULL,
  d_within_village   INT,
  n_within_village   SMALLINT NOT NULL,
  d_within_town      INT,
  n_within_town      SMALLINT NOT NULL
);

-- The rollup scopes each region path counts in (the whole tree, its county, its town), written by a build.
CREATE TABLE assessment_rate_scope (
  region_path  VARCHAR(255) NOT NULL,
  scope_path   VARCHAR(255) NOT NULL,
  PRIMARY KEY (region_path, scope_path)
);

-- The rollup: scope (a region path prefix), rate, day of the event, day of parking (0: not parked; only 按期结案率
-- keeps it), denominator d and numerator n.
CREATE TABLE assessment_rate_daily (
  scope_path  VARCHAR(255) NOT NULL,
  rate        VARCHAR(30)  NOT NULL,
  stat_day    INT          NOT NULL,
  parked_day  INT          NOT NULL,
  d           BIGINT       NOT NULL,
  n           BIGINT       NOT NULL,
  PRIMARY KEY (scope_path, stat_day, rate, parked_day)
);
