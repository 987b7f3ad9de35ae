package cn.huying.projects.internal;

import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import java.math.BigDecimal;
import java.time.Instant;

/** A project in a list. */
public record ProjectSummary(long id, String code, String name, String category, String location,
                             BigDecimal plannedInvestment, BigDecimal signedInvestment, String ownerDepartment,
                             Step step, ProjectStatus status, Instant updatedAt) {
}
