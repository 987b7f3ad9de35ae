-- The published read model's period columns as index ranges at 10 million cases (docs/analytics.md "Scale"): the
-- weekly report, the period statistics and the hot issues count a region's cases received or resolved in a period.
-- received_at is COALESCE(received_at, created_at) in case_facts_v, so its index is on that expression; without
-- them each such count read the whole table (9 s for a county's week). Built CONCURRENTLY, like V15_0.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_received_or_created ON case_file ((COALESCE(received_at, created_at)));
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_case_file_resolved ON case_file (resolved_at) WHERE resolved_at IS NOT NULL;
