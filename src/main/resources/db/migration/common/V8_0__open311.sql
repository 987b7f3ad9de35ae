-- Channels 来源渠道, Open311 GeoReport v2: the service requests received and the cases they became.

-- A service request received through Open311: which case it became, in which town (jurisdiction_id),
-- and the case's state as last seen, kept in step by an event listener in the same transaction.
CREATE TABLE open311_request (
  case_id          BIGINT        PRIMARY KEY REFERENCES case_file (id),
  request_code     VARCHAR(32)   NOT NULL,
  token            VARCHAR(40)   NOT NULL,
  town_id          BIGINT        NOT NULL REFERENCES region (id),
  service_code     VARCHAR(40)   NOT NULL,
  media_url        VARCHAR(1000),
  submitted_by     BIGINT        NOT NULL,
  requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  case_state       VARCHAR(20)   NOT NULL,
  status           VARCHAR(10)   NOT NULL,
  status_note      VARCHAR(1000),
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_open311_request_code UNIQUE (request_code),
  CONSTRAINT uk_open311_request_token UNIQUE (token)
);
CREATE INDEX ix_open311_request_town ON open311_request (town_id, requested_at);
