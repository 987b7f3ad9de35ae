-- The published change feed of cases 事件变更 (docs/cases.md "Published read model"): one row per change of a case,
-- in the order the changes were numbered. Every change of a case writes a history row in the same transaction, so a
-- module that keeps figures derived from case_facts_v (assessment's rate rollup) finds the cases changed since it
-- last looked here, without reading case_history itself. change_id rises with every change (an identity);
-- changed_at is the writer's clock.
CREATE VIEW case_changes_v AS
SELECT h.id AS change_id,
       h.case_id,
       h.at AS changed_at
  FROM case_history h;
