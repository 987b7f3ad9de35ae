package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CasePermissions;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.CaseViewScope;
import cn.huying.cases.Category;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.region.DepartmentView;
import cn.huying.shared.PageRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link WorkQueueSupport}: the case's own rules and tables, for the lists another module shows. */
@Service
class WorkQueueSupportService implements WorkQueueSupport {

    private final CaseClaims claims;
    private final CaseWebSupport support;
    private final TimeLimitReads timeLimits;
    private final TimeLimitService service;
    private final CurrentUsers users;
    private final JdbcClient jdbc;

    WorkQueueSupportService(CaseClaims claims, CaseWebSupport support, TimeLimitReads timeLimits,
                            TimeLimitService service, CurrentUsers users, JdbcClient jdbc) {
        this.claims = claims;
        this.support = support;
        this.timeLimits = timeLimits;
        this.service = service;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public CaseViewScope scope(CurrentUser user) {
        CaseScope s = CaseScope.of(user, users.scopeOf(user));
        return new CaseViewScope(s.regions(), s.departmentId(), s.reporterUserId(), s.creatorUserId());
    }

    @Override
    public Map<Long, Set<CaseAction>> allowedActions(List<CaseSummary> list, CurrentUser user) {
        Map<Long, Set<CaseAction>> out = new HashMap<>();
        // a case claimed by a module (CaseHandOff) offers nobody a button: the server would refuse them all
        Set<Long> claimed = claims.claimedAmong(list.stream().filter(c -> c.state() == CaseState.ACCEPTED)
                .map(CaseSummary::id).toList());
        for (CaseSummary c : list) {
            out.put(c.id(), claimed.contains(c.id()) ? Set.of()
                    : ActionPolicy.allowed(c.state(), c.tier(), c.departmentId(), null, user));
        }
        return out;
    }

    @Override
    public Map<Long, Long> suggestedDepartments(List<CaseSummary> list, Long townId, List<DepartmentView> targets) {
        Map<String, Category> byName = support.categories().stream()
                .collect(Collectors.toMap(Category::name, Function.identity(), (a, b) -> a));
        Map<Long, Long> out = new HashMap<>();
        for (CaseSummary s : list) {
            Category category = byName.get(s.categoryName());
            if (category == null || category.defaultDepartmentKind() == null) {
                continue;
            }
            List<DepartmentView> ofKind = targets.stream()
                    .filter(d -> d.kind() == category.defaultDepartmentKind()).toList();
            ofKind.stream().filter(d -> townId != null && d.regionId() == townId).findFirst()
                    .or(() -> ofKind.stream().findFirst())
                    .ifPresent(d -> out.put(s.id(), d.id()));
        }
        return out;
    }

    @Override
    public Map<Long, Deadline> deadlines(Collection<Long> caseIds, CurrentUser user) {
        Map<Long, Deadline> out = new LinkedHashMap<>();
        timeLimits.deadlines(caseIds, user).forEach((id, d) -> out.put(id, new Deadline(id, d.dueAt(), d.light())));
        return out;
    }

    @Override
    public long pendingExtensions(CurrentUser user) {
        if (!user.can(CasePermissions.EXTENSION_APPROVE)) {
            return 0;
        }
        List<Object> params = new java.util.ArrayList<>();
        String where = CaseScope.of(user, users.scopeOf(user)).where(params);
        return jdbc.sql("SELECT COUNT(*) FROM case_extension e JOIN case_file c ON c.id = e.case_id"
                        + " JOIN region r ON r.id = c.region_id" + where + " AND e.status = 'PENDING'")
                .params(params).query(Long.class).single();
    }

    @Override
    public Long supervisionOrders(CurrentUser user) {
        if (!user.can(CasePermissions.SUPERVISION_VIEW)) {
            return null;
        }
        return service.supervisionOrders(user, new PageRequest(0, 1)).total();
    }
}
