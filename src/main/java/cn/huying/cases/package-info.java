/**
 * Cases 事件/工单: one model from report to revisit for grid reports, hotline requests and letters,
 * with tiers 网格 → 村居 → 镇街 (小事不出网格、大事不出村居、难事不出镇域), an append-only history
 * 全程留痕, optimistic locking, idempotent intake and duplicate detection 重复件.
 *
 * <p>API: {@link cn.huying.cases.Cases}, the enums and views of this package, and the events
 * {@link cn.huying.cases.CaseEvent} published on every transition.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = {"identity", "region", "calendar", "shared"})
package cn.huying.cases;
