package cn.huying.cases;

import cn.huying.identity.CurrentUser;
import cn.huying.region.DepartmentView;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What another module's lists of cases need from cases beside the published views ({@code case_work_v}, {@code
 * case_facts_v}; docs/cases.md): the answers that are rules of the case, not columns. Analytics' work queues ask
 * it which buttons to show beside each case, which department to suggest for a dispatch and each case's deadline
 * light; the overview and the home page ask it how many extension requests 延期申请 and supervision orders 督办单
 * wait in the user's scope (tables of cases that no view publishes).
 */
public interface WorkQueueSupport {

    /** The cases this user may see, as conditions on the published views; the same rule as cases' own reads. */
    CaseViewScope scope(CurrentUser user);

    /**
     * The actions the user may take now on each listed case, by case id: the same answer as the case page's (a case
     * claimed by a module, {@link CaseHandOff}, offers none).
     */
    Map<Long, Set<CaseAction>> allowedActions(List<CaseSummary> cases, CurrentUser user);

    /**
     * The department suggested for dispatching each listed case (its category's default department kind,
     * preferring a department of the town {@code townId}), by case id; cases without a suggestion are left out.
     */
    Map<Long, Long> suggestedDepartments(List<CaseSummary> cases, Long townId, List<DepartmentView> targets);

    /** A case's completion deadline and its light, by the rule of the case's own view. */
    record Deadline(long caseId, Instant dueAt, Light light) {
    }

    /**
     * The deadline and light (GREEN, YELLOW, RED, STOPPED, DONE, LATE or NONE) of each of these cases that is in the
     * user's scope, by case id.
     */
    Map<Long, Deadline> deadlines(Collection<Long> caseIds, CurrentUser user);

    /** Extension requests waiting for a decision in the user's scope (0 for users who cannot approve). */
    long pendingExtensions(CurrentUser user);

    /** Supervision orders in the user's scope (answered or not); null for users who may not see them. */
    Long supervisionOrders(CurrentUser user);
}
