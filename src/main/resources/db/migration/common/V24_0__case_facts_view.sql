-- The published read model of cases 事件事实视图 (docs/cases.md "Published read model"): one row per case with the
-- facts other modules count (assessment's rates and scores, analytics' ledgers and reports). Other modules read
-- cases only through this view, never through case_file, case_history or case_extension.
--
-- Facts added for the rates (issue 27):
--   * the dispatch limit 派遣时限: dispatch_hours on the time-limit rule set (24 h by default), counted from
--     registration (or receipt when the case was never registered); dispatched_on_time compares against it;
--   * hazard_confirmed: a safety hazard 安全隐患 that passed verification 核查 (a VERIFY step in its history or
--     closed after resolution) proved real (TRUE); a hazard refused 不予受理 or merged as a duplicate did not
--     (FALSE); an open hazard is not yet known (NULL);
--   * registered_at, parked_at, revisited_at, return_count, extension_count and reporter_role from the history;
--   * the latest staged progress 阶段性进展 (reason, next steps, promised date) of an overdue case.
ALTER TABLE time_limit_rule_set ADD COLUMN dispatch_hours INT DEFAULT 24 NOT NULL;

CREATE VIEW case_facts_v AS
SELECT c.id,
       c.code,
       c.title,
       c.description,
       c.lat,
       c.lng,
       c.kind,
       c.category_id,
       cat.code AS category_code,
       cat.name AS category_name,
       cat.parent_id AS category_parent_id,
       c.channel,
       c.urgency,
       c.state,
       c.tier,
       c.resolved_tier,
       c.department_id,
       d.name AS department_name,
       c.region_id,
       r.path AS region_path,
       r.name AS region_name,
       CASE WHEN r.type IN ('BASIC_GRID', 'DEDICATED_GRID') THEN r.id
            WHEN r.type = 'UNIT_GRID' THEN p.id END AS grid_id,
       CASE WHEN r.type = 'VILLAGE' THEN r.id WHEN p.type = 'VILLAGE' THEN p.id
            WHEN pp.type = 'VILLAGE' THEN pp.id END AS village_id,
       c.town_id,
       c.lead_case_id,
       COALESCE(c.received_at, c.created_at) AS received_at,
       c.created_at,
       (SELECT MIN(h.at) FROM case_history h WHERE h.case_id = c.id AND h.action = 'REGISTER') AS registered_at,
       c.dispatched_at,
       CASE WHEN c.dispatched_at IS NULL THEN NULL
            WHEN c.dispatched_at <= COALESCE((SELECT MIN(h.at) FROM case_history h
                                              WHERE h.case_id = c.id AND h.action = 'REGISTER'),
                                             c.received_at, c.created_at)
                                    + COALESCE(rs.dispatch_hours, 24) * INTERVAL '1' HOUR THEN TRUE
            ELSE FALSE END AS dispatched_on_time,
       c.accepted_at,
       c.resolved_at,
       c.closed_at,
       c.due_at,
       CASE WHEN c.resolved_at IS NULL OR c.due_at IS NULL THEN NULL
            WHEN c.resolved_at <= c.due_at THEN TRUE ELSE FALSE END AS resolved_on_time,
       c.first_contact_due_at,
       c.first_contacted_at,
       c.red_at,
       (SELECT p.reason FROM case_progress p WHERE p.case_id = c.id
         ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY) AS progress_reason,
       (SELECT p.next_steps FROM case_progress p WHERE p.case_id = c.id
         ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY) AS progress_next_steps,
       (SELECT p.promised_date FROM case_progress p WHERE p.case_id = c.id
         ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY) AS progress_promised_date,
       (SELECT MAX(h.at) FROM case_history h WHERE h.case_id = c.id AND h.action = 'PARK') AS parked_at,
       CASE WHEN c.state = 'PARKED' THEN TRUE ELSE FALSE END AS parked,
       c.rework_count,
       (SELECT COUNT(*) FROM case_history h WHERE h.case_id = c.id AND h.action = 'RETURN') AS return_count,
       (SELECT COUNT(*) FROM case_extension e WHERE e.case_id = c.id AND e.status = 'APPROVED') AS extension_count,
       c.satisfaction,
       (SELECT MAX(h.at) FROM case_history h WHERE h.case_id = c.id AND h.action = 'REVISIT') AS revisited_at,
       (SELECT h.actor_role FROM case_history h WHERE h.case_id = c.id AND h.action = 'REPORT'
         ORDER BY h.id FETCH FIRST 1 ROWS ONLY) AS reporter_role,
       CASE WHEN c.kind <> 'SAFETY_HAZARD' THEN NULL
            WHEN c.state IN ('REJECTED', 'MERGED') THEN FALSE
            WHEN c.state IN ('VERIFIED', 'CLOSED', 'REVISITED')
              OR EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.action = 'VERIFY') THEN TRUE
            ELSE NULL END AS hazard_confirmed
  FROM case_file c
  JOIN region r ON r.id = c.region_id
  LEFT JOIN region p ON p.id = r.parent_id
  LEFT JOIN region pp ON pp.id = p.parent_id
  JOIN case_category cat ON cat.id = c.category_id
  LEFT JOIN department d ON d.id = c.department_id
  LEFT JOIN time_limit_rule_set rs ON rs.version = c.rule_version;
