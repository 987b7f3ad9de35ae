-- Indexes for the work queues, the red/yellow lists and the leader's statistics (issue 7 part 2); the
-- H2 counterpart of the PostgreSQL migration of the same version. H2 has no partial indexes: the state
-- goes first, which H2 can look up for each value of the queries' state IN lists (see V10_3).

-- 红灯 / 黄灯: running states, then the light's instant
CREATE INDEX IF NOT EXISTS ix_case_file_state_red ON case_file (state, red_at);
CREATE INDEX IF NOT EXISTS ix_case_file_state_yellow ON case_file (state, yellow_at);
-- 待受理, 待派遣 …: state and tier, in the queues' order
CREATE INDEX IF NOT EXISTS ix_case_file_state_tier_updated ON case_file (state, tier, updated_at);
-- 每日结案
CREATE INDEX IF NOT EXISTS ix_case_file_closed ON case_file (closed_at);
