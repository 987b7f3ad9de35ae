-- How many attachments a case has, so showing a case without attachments costs no query.
ALTER TABLE case_file ADD COLUMN attachment_count INT DEFAULT 0 NOT NULL;
UPDATE case_file SET attachment_count = (SELECT COUNT(*) FROM case_attachment a WHERE a.case_id = case_file.id);
