ALTER TABLE fin_need ADD CONSTRAINT fin_need_status_check CHECK (status IN ('DRAFT', 'PUBLISHED', 'MATCHING', 'CLOSED'));
