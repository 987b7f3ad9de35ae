package cn.huying.cases.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import java.util.Set;

/**
 * Which cases a user may see: those in their region subtree; for a user who is only a department
 * handler, also only their department's; for a user who is only a citizen, only their own reports; for an
 * integration's account (role SYSTEM: the 12345 hotline, an Open311 client), only the cases it filed itself
 * ({@code created_by}; issue 22: the hotline's key read every case of the county).
 */
record CaseScope(RegionScope regions, Long departmentId, Long reporterUserId, Long creatorUserId) {

    private static final Set<String> BROAD = Set.of(Roles.ADMIN, Roles.DISPATCHER, Roles.LEADER, Roles.VILLAGE_CADRE,
            Roles.GRID_WORKER, Roles.MEDIATOR);

    /** A scope narrowed by region, and by department or reporter, not by who filed the cases. */
    CaseScope(RegionScope regions, Long departmentId, Long reporterUserId) {
        this(regions, departmentId, reporterUserId, null);
    }

    static CaseScope of(CurrentUser user, RegionScope regions) {
        boolean broad = user.roles().stream().anyMatch(BROAD::contains);
        Long department = null;
        Long reporter = null;
        if (!broad && user.hasRole(Roles.SYSTEM)) {
            return new CaseScope(regions, null, null, user.id());
        }
        if (!broad && user.hasRole(Roles.HANDLER)) {
            department = user.departmentId() == null ? -1L : user.departmentId();
        } else if (!broad) {
            reporter = user.id();
        }
        return new CaseScope(regions, department, reporter, null);
    }

    /**
     * The scope as a WHERE clause over {@code case_file c JOIN region r}, its values appended to
     * {@code params} as bound parameters (never spliced into the text).
     */
    String where(java.util.List<Object> params) {
        return where(params, false);
    }

    /**
     * As {@link #where(java.util.List)}; with {@code noLike} the region prefix is compared as
     * {@code LEFT(r.path, n) = prefix}, for a query that reaches the region by the case's key and so needs no
     * index on the path: H2 compiles a statement with {@code LIKE ?} again at every execution.
     */
    String where(java.util.List<Object> params, boolean noLike) {
        StringBuilder where;
        if (regions.unrestricted()) {
            // the whole tree: no path condition at all, so the planner sees that every case qualifies
            // (with "LIKE '/%'" it may walk the region table and each region's cases instead of one ordered index)
            where = new StringBuilder(" WHERE 1 = 1");
        } else if (noLike) {
            where = new StringBuilder(" WHERE LEFT(r.path, ?) = ?");
            params.add(regions.pathPrefix().length());
            params.add(regions.pathPrefix());
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
        if (creatorUserId != null) {
            where.append(" AND c.created_by = ?");
            params.add(creatorUserId);
        }
        return where.toString();
    }

    /** Whether the scope narrows the region's cases by anything but the region. */
    boolean byRegionAlone() {
        return departmentId == null && reporterUserId == null && creatorUserId == null;
    }

    boolean covers(String regionPath, Long caseDepartmentId, Long caseReporterId, long caseCreatedBy) {
        if (creatorUserId != null && creatorUserId != caseCreatedBy) {
            return false;
        }
        if (!regions.covers(regionPath)) {
            return false;
        }
        if (departmentId != null && !departmentId.equals(caseDepartmentId)) {
            return false;
        }
        return reporterUserId == null || reporterUserId.equals(caseReporterId);
    }
}
