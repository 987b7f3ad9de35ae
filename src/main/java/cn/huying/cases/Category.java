package cn.huying.cases;

import cn.huying.region.DepartmentKind;

/**
 * A case category 事件分类: its kind, the department kind it usually goes to, the tier it starts at
 * and the key of its time-limit rule.
 */
public record Category(long id, String code, String name, CaseKind kind, Long parentId,
                       DepartmentKind defaultDepartmentKind, Tier defaultTier, String timeLimitKey, boolean openToPublic,
                       String description, boolean active) {
}
