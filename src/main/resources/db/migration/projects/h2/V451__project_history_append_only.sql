-- 全程留痕: a project's history rows can be inserted, never changed or removed.
CREATE TRIGGER project_history_append_only BEFORE UPDATE, DELETE ON project_history
  FOR EACH ROW CALL 'cn.huying.projects.internal.AppendOnlyHistory';
