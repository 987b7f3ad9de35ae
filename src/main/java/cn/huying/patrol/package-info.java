/**
 * Grid work 网格工作: patrols 一日双巡查 (a finding becomes a case in one step), household visits 入户走访 to
 * care-tagged residents with the town's visit rules, and party building along the grid 党建引领网格
 * (镇党委 → 党总支 → 村党支部 → 网格党小组). Light by design (国办函〔2026〕12号 and the 2024 burden-reduction
 * rules): no clock-in, no online-time tracking, no forced photo or GPS, no ranking of people by activity counts.
 *
 * <p>API: {@link cn.huying.patrol.Patrols}, {@link cn.huying.patrol.PatrolPermissions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrols and visits",
        allowedDependencies = {"identity", "region", "cases", "residents", "shared"})
package cn.huying.patrol;
