-- Channels 来源渠道, 12345 hotline transfers 热线转办: the hotline's category names mapped to ours,
-- and one case per work order.

-- The hotline's category names 热线分类 → our case categories; administrators edit it through the API.
CREATE TABLE hotline_category_map (
  hotline_category VARCHAR(100)  PRIMARY KEY,
  category_code    VARCHAR(40)   NOT NULL REFERENCES case_category (code),
  updated_by       VARCHAR(60),
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One case per hotline work order number 工单编号: the same order sent again gives back the same case.
CREATE TABLE hotline_order (
  order_no          VARCHAR(64)   PRIMARY KEY,
  case_id           BIGINT        NOT NULL REFERENCES case_file (id),
  channel           VARCHAR(30)   NOT NULL,
  hotline_category  VARCHAR(100)  NOT NULL,
  category_code     VARCHAR(40)   NOT NULL,
  category_mapped   BOOLEAN       NOT NULL,
  received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  hotline_due_at    TIMESTAMP WITH TIME ZONE,
  submitted_by      BIGINT        NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_hotline_order_case UNIQUE (case_id)
);

-- Administrators maintain the category mapping.
INSERT INTO role_permission (role_code, permission) VALUES ('ADMIN', 'channel:edit');

-- Default mapping of common 12345 hotline category names to our categories; administrators change
-- it through PUT /api/hotline/category-mappings/{name}. '其他' is where an unknown name goes.
INSERT INTO hotline_category_map (hotline_category, category_code, updated_by, updated_at)
SELECT m.name, m.code, 'system', CURRENT_TIMESTAMP FROM (
  SELECT '邻里纠纷' AS name, 'DISPUTE_NEIGHBOUR' AS code
  UNION ALL SELECT '婚姻家庭', 'DISPUTE_FAMILY'
  UNION ALL SELECT '婚姻家庭纠纷', 'DISPUTE_FAMILY'
  UNION ALL SELECT '土地纠纷', 'DISPUTE_LAND'
  UNION ALL SELECT '征地拆迁', 'DISPUTE_LAND'
  UNION ALL SELECT '继承纠纷', 'DISPUTE_INHERIT'
  UNION ALL SELECT '损害赔偿', 'DISPUTE_DAMAGE'
  UNION ALL SELECT '劳动保障', 'DISPUTE_LABOUR'
  UNION ALL SELECT '劳资纠纷', 'DISPUTE_LABOUR'
  UNION ALL SELECT '拖欠工资', 'DISPUTE_LABOUR'
  UNION ALL SELECT '物业纠纷', 'DISPUTE_PROPERTY'
  UNION ALL SELECT '消防安全', 'SAFETY_FIRE'
  UNION ALL SELECT '道路安全', 'SAFETY_ROAD'
  UNION ALL SELECT '燃气安全', 'SAFETY_GAS'
  UNION ALL SELECT '房屋安全', 'SAFETY_BUILDING'
  UNION ALL SELECT '供暖', 'LIVE_HEATING'
  UNION ALL SELECT '供热', 'LIVE_HEATING'
  UNION ALL SELECT '供水', 'LIVE_WATER_POWER'
  UNION ALL SELECT '供电', 'LIVE_WATER_POWER'
  UNION ALL SELECT '水电气暖', 'LIVE_WATER_POWER'
  UNION ALL SELECT '环境卫生', 'LIVE_SANITATION'
  UNION ALL SELECT '环境保护', 'LIVE_SANITATION'
  UNION ALL SELECT '物业管理', 'LIVE_PROPERTY'
  UNION ALL SELECT '物业服务', 'LIVE_PROPERTY'
  UNION ALL SELECT '政策咨询', 'REQ_CONSULT'
  UNION ALL SELECT '咨询', 'REQ_CONSULT'
  UNION ALL SELECT '求助', 'REQ_HELP'
  UNION ALL SELECT '投诉', 'REQ_COMPLAINT'
  UNION ALL SELECT '建议', 'REQ_SUGGEST'
  UNION ALL SELECT '举报', 'REQ_REPORT'
  UNION ALL SELECT '出租车遗落物品', 'REQ_LOST_ITEM'
  UNION ALL SELECT '失物查找', 'REQ_LOST_ITEM'
  UNION ALL SELECT '占道经营', 'URBAN_STREET_VENDOR'
  UNION ALL SELECT '违法建设', 'URBAN_ILLEGAL_BUILD'
  UNION ALL SELECT '违章建筑', 'URBAN_ILLEGAL_BUILD'
  UNION ALL SELECT '交通出行', 'URBAN_ROAD_TRAVEL'
  UNION ALL SELECT '道路出行', 'URBAN_ROAD_TRAVEL'
  UNION ALL SELECT '城市道路', 'URBAN_ROAD_TRAVEL'
  UNION ALL SELECT '公共交通', 'URBAN_BUS'
  UNION ALL SELECT '公交', 'URBAN_BUS'
  UNION ALL SELECT '其他', 'REQ_HELP'
) m;
