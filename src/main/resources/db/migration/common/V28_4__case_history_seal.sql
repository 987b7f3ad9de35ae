-- Issue 30, tamper-evident history 全程留痕: each history entry carries its position in the case's chain and an
-- HMAC (identity's HistorySeal, keyed outside the database) over its content and the previous entry's seal; the
-- case keeps the chain's head (the newest seal) and length, so that a deleted newest entry is found too.
-- Entries written before this version have no seal: the check reports them as unsealed, not as broken.
ALTER TABLE case_history ADD COLUMN seq INTEGER;
ALTER TABLE case_history ADD COLUMN seal VARCHAR(64);
ALTER TABLE case_file ADD COLUMN history_head VARCHAR(64);
ALTER TABLE case_file ADD COLUMN history_length INTEGER NOT NULL DEFAULT 0;
