-- 全程留痕: history rows can be inserted, never changed or removed.
CREATE FUNCTION huying_forbid_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_history is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_history_append_only
  BEFORE UPDATE OR DELETE ON case_history
  FOR EACH ROW EXECUTE FUNCTION huying_forbid_history_change();

-- LIKE 'prefix%' on region paths uses this index whatever the database collation.
CREATE INDEX ix_region_path_pattern ON region (path varchar_pattern_ops);
