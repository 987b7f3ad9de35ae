-- Two more published read models of cases (docs/cases.md "Published read models"), for the read side that
-- analytics owns (issue 23 item 2): the work queues and their counts, the deadline ledgers 台账 and their exports,
-- the map markers and the overview's daily rollup. Other modules read these views, never case_file or case_history.
--
-- case_work_v 事件工作视图: one row per case with its current columns as the case's own save wrote them, and what a
-- user's data scope is checked on (region_path, department_id, reporter_user_id, created_by). No look-ups in other
-- rows: every column is a column of case_file or of the row it names. PostgreSQL pulls a simple view up into the
-- query and leaves out what a query does not name. The region is a LEFT JOIN on its primary key over a NOT NULL
-- foreign key (the same rows as an inner join; dropped when the query names none of its columns); the category's and
-- the department's names are scalar sub-selects by primary key, computed only for the rows a query returns: as
-- LEFT JOINs they were dropped too, but their keys stayed among the columns the case table's scan must give, which
-- cost a count its index-only scan (a town's 待回访 badge: a sequential scan instead of the cover index).
CREATE VIEW case_work_v AS
SELECT c.id,
       c.code,
       c.title,
       c.kind,
       c.category_id,
       (SELECT cat.name FROM case_category cat WHERE cat.id = c.category_id) AS category_name,
       c.channel,
       c.urgency,
       c.state,
       c.tier,
       c.resolved_tier,
       c.department_id,
       (SELECT d.name FROM department d WHERE d.id = c.department_id) AS department_name,
       c.region_id,
       r.path AS region_path,
       r.name AS region_name,
       c.town_id,
       c.reporter_user_id,
       c.created_by,
       c.lat,
       c.lng,
       c.received_at,
       c.created_at,
       c.updated_at,
       c.version,
       c.due_at,
       c.yellow_at,
       c.red_at,
       c.clock_stopped_at,
       c.progress_due_at,
       c.last_progress_at,
       c.resolved_at,
       c.closed_at
  FROM case_file c
  LEFT JOIN region r ON r.id = c.region_id;

-- case_change_v 事件变更记录: one row per change of a case (every change writes one history row in the case's own
-- transaction), numbered in the order the changes took their numbers. A reader that keeps figures derived from the
-- cases (analytics' daily rollup) finds the cases changed since its last run here: change_id > its watermark.
CREATE VIEW case_change_v AS
SELECT h.id AS change_id,
       h.case_id,
       h.at
  FROM case_history h;
