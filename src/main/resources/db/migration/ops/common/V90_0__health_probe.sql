-- /actuator/health writes a row here in a transaction it rolls back (ops.internal.DatabaseWriteHealth): a
-- database that answers SELECT 1 but cannot write (closed sessions, a full disk, a read-only file) is DOWN.
-- The table stays empty.
CREATE TABLE health_probe (
  probe      VARCHAR(36) PRIMARY KEY,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL
);
