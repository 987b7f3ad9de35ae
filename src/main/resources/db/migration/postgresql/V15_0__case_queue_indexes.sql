-- Indexes for the work queues, the red/yellow lists and the leader's statistics at 10 million cases
-- (issue 7 part 2, docs/benchmarks.md). Built CONCURRENTLY, like V10_1, so that an installation keeps
-- taking cases while they build. All partial except the one on closed_at: a transition writes an entry
-- only into those whose predicate the case meets (a closed case is in none of the queue indexes).

-- 红灯 / 黄灯 (CaseBoard OVERDUE and DUE_SOON, the red and yellow ledgers): only cases whose completion
-- clock runs, a few per cent of all. The predicate is the one of CaseBoardQueries; the ledgers' state
-- list (without REPORTED) is a subset of it, so their queries use the same indexes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_running_red ON case_file (region_id, red_at)
  WHERE clock_stopped_at IS NULL
    AND state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED');
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_running_yellow ON case_file (region_id, yellow_at)
  WHERE clock_stopped_at IS NULL
    AND state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED');
-- the same cases in the orders the city-wide lists are read in: queues by last change, ledgers by deadline
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_running_updated ON case_file (updated_at, id)
  WHERE clock_stopped_at IS NULL
    AND state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED');
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_running_due ON case_file (due_at, id)
  WHERE clock_stopped_at IS NULL
    AND state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED');

-- 待受理, 待派遣, 待核查 … (state IN (…) AND tier = … ORDER BY updated_at): the open cases of a town's
-- regions by state, and of the whole city by state and tier in the queue's order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_region_state ON case_file (region_id, state, updated_at)
  WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_open_state_tier ON case_file (state, tier, updated_at, id)
  WHERE state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED');

-- 每日结案 (the overview's closed-per-day line; the statistics rollup recomputes a day of closings)
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_closed ON case_file (closed_at) WHERE closed_at IS NOT NULL;
