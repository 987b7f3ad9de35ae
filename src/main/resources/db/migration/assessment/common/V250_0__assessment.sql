-- Assessment 考核 (docs/assessment.md): grid workers' indicator versions, grades and monthly scores; villages'
-- year-end targets, 平安村居 / 平安网格 checklists and the monthly 三下降一提升 figures entered or imported.

-- A version of the grid workers' indicators 网格员考核指标; a month is scored under the version in force on its
-- first day (the greatest valid_from not after it).
CREATE TABLE assessment_indicator_set (
  version     INT          PRIMARY KEY,
  valid_from  DATE         NOT NULL,
  note        VARCHAR(400),
  created_by  VARCHAR(60)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_assessment_indicator_set_from UNIQUE (valid_from)
);

-- Outcome indicators only (never activity counts): code, weight, and for counted outcomes the monthly target.
CREATE TABLE assessment_indicator (
  version  INT          NOT NULL REFERENCES assessment_indicator_set (version),
  code     VARCHAR(40)  NOT NULL,
  weight   INT          NOT NULL,
  target   INT,
  PRIMARY KEY (version, code)
);

-- Performance-pay grades 绩效等级: the lowest score of each grade and its pay coefficient.
CREATE TABLE assessment_grade (
  version          INT           NOT NULL REFERENCES assessment_indicator_set (version),
  grade            VARCHAR(10)   NOT NULL,
  min_score        NUMERIC(5, 1) NOT NULL,
  pay_coefficient  NUMERIC(4, 2) NOT NULL,
  PRIMARY KEY (version, grade)
);

-- A confirmed (frozen) month of a grid: the score as computed when confirmed, never recomputed.
CREATE TABLE assessment_grid_month (
  grid_id        BIGINT        NOT NULL,
  score_month    DATE          NOT NULL,
  version        INT           NOT NULL REFERENCES assessment_indicator_set (version),
  worker_name    VARCHAR(60),
  score          NUMERIC(5, 1),
  grade          VARCHAR(10),
  detail         VARCHAR(4000) NOT NULL,
  confirmed_by   VARCHAR(60)   NOT NULL,
  confirmed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (grid_id, score_month)
);
CREATE INDEX ix_assessment_grid_month_month ON assessment_grid_month (score_month);

-- A village's year-end target 年终目标 per item (诉源治理实效 among them), with its weight.
CREATE TABLE assessment_village_target (
  target_year INT            NOT NULL,
  village_id  BIGINT         NOT NULL,
  item        VARCHAR(40)    NOT NULL,
  target      NUMERIC(6, 1)  NOT NULL,
  weight      INT            NOT NULL,
  PRIMARY KEY (target_year, village_id, item)
);

-- 平安村居 (六好九无) and 平安网格 checklist items, and each region's answers with evidence.
CREATE TABLE assessment_checklist_item (
  checklist   VARCHAR(20)   NOT NULL,
  code        VARCHAR(30)   NOT NULL,
  label       VARCHAR(200)  NOT NULL,
  sort_order  INT           NOT NULL,
  PRIMARY KEY (checklist, code)
);

CREATE TABLE assessment_checklist_entry (
  region_id    BIGINT        NOT NULL,
  target_year  INT           NOT NULL,
  checklist    VARCHAR(20)   NOT NULL,
  item_code    VARCHAR(30)   NOT NULL,
  met          BOOLEAN       NOT NULL,
  evidence     VARCHAR(1000),
  recorded_by  VARCHAR(60)   NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (region_id, target_year, checklist, item_code)
);

-- 三下降一提升: petitions 信访, criminal cases 刑事案件 and lawsuits 诉讼 of a village in a month, from systems the
-- platform does not own, entered or imported from Excel.
CREATE TABLE assessment_village_month (
  village_id      BIGINT      NOT NULL,
  figure_month    DATE        NOT NULL,
  petitions       INT         NOT NULL,
  criminal_cases  INT         NOT NULL,
  lawsuits        INT         NOT NULL,
  recorded_by     VARCHAR(60) NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (village_id, figure_month)
);

INSERT INTO assessment_indicator_set (version, valid_from, note, created_by, created_at)
VALUES (1, DATE '2020-01-01', '网格员月度考核（结果导向）：按期办结、群众满意、返工、隐患属实、纠纷网格内化解', 'system',
        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+08:00');
INSERT INTO assessment_indicator (version, code, weight, target) VALUES
 (1, 'ON_TIME_CLOSURE', 30, NULL),
 (1, 'SATISFACTION', 25, NULL),
 (1, 'NO_REWORK', 20, NULL),
 (1, 'HAZARD_CONFIRMED', 15, 2),
 (1, 'DISPUTE_IN_GRID', 10, NULL);
INSERT INTO assessment_grade (version, grade, min_score, pay_coefficient) VALUES
 (1, 'A', 90.0, 1.20), (1, 'B', 80.0, 1.00), (1, 'C', 60.0, 0.80), (1, 'D', 0.0, 0.60);

INSERT INTO assessment_checklist_item (checklist, code, label, sort_order) VALUES
 ('SAFE_VILLAGE', 'G1', '班子建设好', 1), ('SAFE_VILLAGE', 'G2', '治安秩序好', 2), ('SAFE_VILLAGE', 'G3', '矛盾化解好', 3),
 ('SAFE_VILLAGE', 'G4', '安全防范好', 4), ('SAFE_VILLAGE', 'G5', '村风民风好', 5), ('SAFE_VILLAGE', 'G6', '服务群众好', 6),
 ('SAFE_VILLAGE', 'N1', '无刑事案件', 7), ('SAFE_VILLAGE', 'N2', '无重大治安案件', 8), ('SAFE_VILLAGE', 'N3', '无群体性事件', 9),
 ('SAFE_VILLAGE', 'N4', '无越级上访', 10), ('SAFE_VILLAGE', 'N5', '无重大安全事故', 11), ('SAFE_VILLAGE', 'N6', '无邪教活动', 12),
 ('SAFE_VILLAGE', 'N7', '无毒品危害', 13), ('SAFE_VILLAGE', 'N8', '无重大火灾', 14), ('SAFE_VILLAGE', 'N9', '无命案', 15),
 ('SAFE_GRID', 'S1', '网格基础信息完整准确', 1), ('SAFE_GRID', 'S2', '安全隐患及时发现上报', 2),
 ('SAFE_GRID', 'S3', '矛盾纠纷就地化解', 3), ('SAFE_GRID', 'S4', '重点人员服务管理到位', 4),
 ('SAFE_GRID', 'S5', '全年无重大安全事故和刑事案件', 5);
