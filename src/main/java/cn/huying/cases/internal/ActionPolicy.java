package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which actions a user may take on a case now: the transition table for the state, tier and roles, then the
 * user's permissions, the handler's own department, and the reporter's own revisit. The one answer used by the
 * guards, the case page, the work queues and the API.
 */
final class ActionPolicy {

    private ActionPolicy() {
    }

    /**
     * @param departmentId   the department the case is dispatched to, or null
     * @param reporterUserId the account that reported the case, or null (unknown: only a dispatcher may revisit)
     */
    static Set<CaseAction> allowed(CaseState state, Tier tier, Long departmentId, Long reporterUserId, CurrentUser user) {
        Set<CaseAction> out = new LinkedHashSet<>();
        for (CaseAction a : TransitionTable.allowedActions(state, tier, user.roles())) {
            if (!user.can(a.permission())) {
                continue;
            }
            boolean handlerStep = a == CaseAction.ACCEPT || a == CaseAction.RETURN
                    || (a == CaseAction.RESOLVE && tier == Tier.TOWN)
                    || (a == CaseAction.TRANSFER && !user.hasRole(Roles.DISPATCHER));
            if (handlerStep && (departmentId == null || !departmentId.equals(user.departmentId()))) {
                continue;
            }
            if (a == CaseAction.REVISIT && !user.hasRole(Roles.DISPATCHER)
                    && !Long.valueOf(user.id()).equals(reporterUserId)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }
}
