/**
 * 阳光推介 — major project resources through the eight open steps (阳光规划 → 阳光发布 → 阳光选择 → 阳光服务 →
 * 阳光交流 → 阳光评鉴 → 阳光监管 → 阳光验收), with the overlays suspended, resumed and terminated; each step's
 * result disclosed to the public within 20 working days (全程留痕, 公开透明).
 *
 * <p>API: the permission constants {@link cn.huying.projects.ProjectPermissions}, the role codes
 * {@link cn.huying.projects.ProjectRoles}, the steps {@link cn.huying.projects.Step} and the events
 * {@link cn.huying.projects.ProjectStepCompleted}, {@link cn.huying.projects.MilestoneMissed} and
 * {@link cn.huying.projects.DisclosureDueSoon}. Enterprises are identity's enterprise accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Project promotion (阳光推介)",
        allowedDependencies = {"identity", "calendar", "shared"})
package cn.huying.projects;
