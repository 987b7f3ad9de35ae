-- 全程留痕: history rows can be inserted, never changed or removed.
CREATE TRIGGER case_history_append_only BEFORE UPDATE, DELETE ON case_history
  FOR EACH ROW CALL 'cn.huying.cases.internal.AppendOnlyTrigger';
