ALTER TABLE enterprise ADD CONSTRAINT enterprise_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'));
