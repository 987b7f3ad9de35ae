-- Issue 30: the citizen portal's wrong follow-ups 查询 counted in the database, so that the limit holds on every
-- node behind the load balancer (cases' FollowUpLimits). One row per counted key (an address or a code, SHA-256),
-- the count within a window that starts at the first failure.
CREATE TABLE follow_up_failure (
  limit_key     VARCHAR(64) PRIMARY KEY,
  failures      INTEGER     NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_follow_up_failure_window ON follow_up_failure (window_start);
