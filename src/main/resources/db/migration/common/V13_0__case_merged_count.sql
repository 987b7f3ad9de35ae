-- How many cases were merged into a case (重复件随主件): its close looks for them only when there are some.
ALTER TABLE case_file ADD COLUMN merged_count INT DEFAULT 0 NOT NULL;
UPDATE case_file SET merged_count = (SELECT COUNT(*) FROM case_file m WHERE m.lead_case_id = case_file.id)
 WHERE id IN (SELECT lead_case_id FROM case_file WHERE lead_case_id IS NOT NULL);
