-- 全程留痕: a project's history rows can be inserted, never changed or removed.
CREATE FUNCTION huying_forbid_project_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'project_history is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_history_append_only
  BEFORE UPDATE OR DELETE ON project_history
  FOR EACH ROW EXECUTE FUNCTION huying_forbid_project_history_change();
