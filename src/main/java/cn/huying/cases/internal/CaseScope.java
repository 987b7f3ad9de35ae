package cn.huying.cases.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import java.util.Set;

/**
 * Which cases a user may see: those in their region subtree; for a user who is only a department
 * handler, also only their department's; for a user who is only a citizen, only their own reports.
 */
record CaseScope(RegionScope regions, Long departmentId, Long reporterUserId) {

    private static final Set<String> BROAD = Set.of(Roles.ADMIN, Roles.DISPATCHER, Roles.LEADER, Roles.VILLAGE_CADRE,
            Roles.GRID_WORKER, Roles.MEDIATOR, Roles.SYSTEM);

    static CaseScope of(CurrentUser user, RegionScope regions) {
        boolean broad = user.roles().stream().anyMatch(BROAD::contains);
        Long department = null;
        Long reporter = null;
        if (!broad && user.hasRole(Roles.HANDLER)) {
            department = user.departmentId() == null ? -1L : user.departmentId();
        } else if (!broad) {
            reporter = user.id();
        }
        return new CaseScope(regions, department, reporter);
    }

    /**
     * The scope as a WHERE clause over {@code case_file c JOIN region r}, its values appended to
     * {@code params} as bound parameters (never spliced into the text).
     */
    String where(java.util.List<Object> params) {
        StringBuilder where;
        if (regions.unrestricted()) {
            // the whole tree: no path condition at all, so the planner sees that every case qualifies
            // (with "LIKE '/%'" it may walk the region table and each region's cases instead of one ordered index)
            where = new StringBuilder(" WHERE 1 = 1");
        } else {
            where = new StringBuilder(" WHERE r.path LIKE ?");
            params.add(regions.likePattern());
        }
        if (departmentId != null) {
            where.append(" AND c.department_id = ?");
            params.add(departmentId);
        }
        if (reporterUserId != null) {
            where.append(" AND c.reporter_user_id = ?");
            params.add(reporterUserId);
        }
        return where.toString();
    }

    boolean covers(String regionPath, Long caseDepartmentId, Long caseReporterId) {
        if (!regions.covers(regionPath)) {
            return false;
        }
        if (departmentId != null && !departmentId.equals(caseDepartmentId)) {
            return false;
        }
        return reporterUserId == null || reporterUserId.equals(caseReporterId);
    }
}
