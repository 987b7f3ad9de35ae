-- The case search index (cases/internal/CaseSearchIndexer) polls the cases changed since its
-- watermark every second: `updated_at > ?` must be an index range, not a scan of every case.
CREATE INDEX IF NOT EXISTS ix_case_file_updated ON case_file (updated_at, id);
