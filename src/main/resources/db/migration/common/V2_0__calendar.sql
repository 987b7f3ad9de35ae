-- Working calendar 工作日历: the State Council General Office's yearly holiday notices
-- (《国务院办公厅关于X年部分节假日安排的通知》). A year is published when its notice is here; the
-- notice lists days off (法定节假日) and working days (调休上班, make-up workdays on a weekend).
-- A date no notice lists follows the normal week. One SQL subset accepted by H2 (PostgreSQL mode)
-- and PostgreSQL 15.

CREATE TABLE calendar_notice (
  notice_year  INT          PRIMARY KEY,
  days_listed  INT          NOT NULL,
  imported_by  VARCHAR(60)  NOT NULL,
  imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  version      BIGINT       NOT NULL DEFAULT 0
);

-- Where the notice was published (gov.cn addresses), in the order given.
CREATE TABLE calendar_notice_paper (
  notice_year  INT          NOT NULL REFERENCES calendar_notice (notice_year),
  seq          INT          NOT NULL,
  url          VARCHAR(500) NOT NULL,
  PRIMARY KEY (notice_year, seq)
);

-- The dates a notice lists; a notice may list late December of the year before.
CREATE TABLE calendar_day (
  notice_year  INT          NOT NULL REFERENCES calendar_notice (notice_year),
  listed_date  DATE         NOT NULL,
  off_day      BOOLEAN      NOT NULL,
  name         VARCHAR(60)  NOT NULL,
  PRIMARY KEY (notice_year, listed_date)
);
CREATE INDEX ix_calendar_day_date ON calendar_day (listed_date);

-- Administrators import the next year's notice.
INSERT INTO role_permission (role_code, permission) VALUES ('ADMIN', 'calendar:edit');
