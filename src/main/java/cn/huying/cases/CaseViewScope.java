package cn.huying.cases;

import cn.huying.identity.RegionScope;
import java.util.List;

/**
 * Which cases a user may see, as conditions on the published views' columns ({@code case_work_v}, docs/cases.md):
 * the cases of their region subtree ({@code region_path}); for a user who is only a department handler, only their
 * department's ({@code department_id}); for a citizen, only their own reports ({@code reporter_user_id}); for an
 * integration's account, only the cases it filed ({@code created_by}). The same rule as every read of cases itself,
 * handed out by {@link WorkQueueSupport#scope} so that a module reading the views applies it and no other.
 */
public record CaseViewScope(RegionScope regions, Long departmentId, Long reporterUserId, Long creatorUserId) {

    /**
     * The scope as a WHERE clause (starting {@code " WHERE"}) over a published view aliased {@code alias}, its values
     * appended to {@code params} as bound parameters (never spliced into the text).
     */
    public String where(String alias, List<Object> params) {
        StringBuilder where;
        if (regions.unrestricted()) {
            // the whole tree: no path condition at all, so the planner sees that every case qualifies
            where = new StringBuilder(" WHERE 1 = 1");
        } else {
            where = new StringBuilder(" WHERE " + alias + ".region_path LIKE ?");
            params.add(regions.likePattern());
        }
        if (departmentId != null) {
            where.append(" AND ").append(alias).append(".department_id = ?");
            params.add(departmentId);
        }
        if (reporterUserId != null) {
            where.append(" AND ").append(alias).append(".reporter_user_id = ?");
            params.add(reporterUserId);
        }
        if (creatorUserId != null) {
            where.append(" AND ").append(alias).append(".created_by = ?");
            params.add(creatorUserId);
        }
        return where.toString();
    }

    /** Whether the scope narrows the region's cases by anything but the region. */
    public boolean byRegionAlone() {
        return departmentId == null && reporterUserId == null && creatorUserId == null;
    }
}
