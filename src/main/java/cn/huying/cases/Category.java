package cn.huying.cases;

import cn.huying.region.DepartmentKind;

/**
 * A case category 事件分类: its kind, the department kind it usually goes to, the tier it starts at
 * and the key of its time-limit rule. Categories are versioned: each edit publishes a new {@code version}, and a
 * case is shown and judged under the version in force when it was reported.
 */
public record Category(long id, String code, String name, CaseKind kind, Long parentId,
                       DepartmentKind defaultDepartmentKind, Tier defaultTier, String timeLimitKey, boolean openToPublic,
                       String description, boolean active, int version) {

    /** A category as written by an administrator, before the platform gives it its version. */
    public Category(long id, String code, String name, CaseKind kind, Long parentId,
                    DepartmentKind defaultDepartmentKind, Tier defaultTier, String timeLimitKey, boolean openToPublic,
                    String description, boolean active) {
        this(id, code, name, kind, parentId, defaultDepartmentKind, defaultTier, timeLimitKey, openToPublic, description,
                active, 0);
    }
}
