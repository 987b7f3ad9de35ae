-- 事件分类 versioned like the time-limit rules (issue 24): every edit publishes a new version; a case is shown and
-- judged under the version in force when it was reported (the newest published at or before its creation).
ALTER TABLE case_category ADD COLUMN version INT DEFAULT 1 NOT NULL;

CREATE TABLE case_category_version (
  category_id             BIGINT       NOT NULL REFERENCES case_category (id),
  version                 INT          NOT NULL,
  code                    VARCHAR(40)  NOT NULL,
  name                    VARCHAR(100) NOT NULL,
  kind                    VARCHAR(30)  NOT NULL,
  parent_id               BIGINT,
  default_department_kind VARCHAR(30),
  default_tier            VARCHAR(10)  NOT NULL,
  time_limit_key          VARCHAR(30)  NOT NULL,
  open_to_public          BOOLEAN      NOT NULL,
  description             VARCHAR(400),
  active                  BOOLEAN      NOT NULL,
  published_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by            BIGINT,
  PRIMARY KEY (category_id, version)
);

-- the categories as they are now are version 1, in force since before any case
INSERT INTO case_category_version (category_id, version, code, name, kind, parent_id, default_department_kind,
                                   default_tier, time_limit_key, open_to_public, description, active, published_at)
SELECT id, 1, code, name, kind, parent_id, default_department_kind, default_tier, time_limit_key, open_to_public,
       description, active, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'
FROM case_category;
