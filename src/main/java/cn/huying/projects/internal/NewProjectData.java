package cn.huying.projects.internal;

import java.math.BigDecimal;

/** A checked new project: planned investment in yuan, scale 2. */
public record NewProjectData(String name, String category, String location, BigDecimal plannedInvestment,
                             String ownerDepartment, String summary) {
}
