package cn.huying.cases.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.SupervisionLevel;
import cn.huying.cases.SupervisionOrder;
import cn.huying.cases.internal.CaseSnapshots.Snapshot;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 综合督办, 顶格推进, 重点攻坚: a leader opens a supervision order on any open case in their scope, with a demand
 * and a date to answer by; the department handling the case answers it. Both steps are kept in the case's history
 * and neither changes the case's version (a colleague's next action on the case is not refused because of them).
 */
@Service
public class LeaderSupervision {

    public static final String OPEN = "supervision:open";
    public static final String ANSWER = "supervision:answer";

    private final CaseReads cases;
    private final CaseSnapshots snapshots;
    private final CaseRepository repo;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TimeLimitPolicy policy;
    private final Clock clock;

    LeaderSupervision(CaseReads cases, CaseSnapshots snapshots, CaseRepository repo, JdbcClient jdbc,
                      ApplicationEventPublisher events, TimeLimitPolicy policy, Clock clock) {
        this.cases = cases;
        this.snapshots = snapshots;
        this.repo = repo;
        this.jdbc = jdbc;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    /** Opens a leader's order; the case must be in the leader's scope (else 404) and still open (else 409). */
    @Transactional
    public SupervisionOrder open(long caseId, SupervisionLevel level, String demand, LocalDate answerBy, CurrentUser user) {
        if (!user.can(OPEN)) {
            throw DomainException.forbidden("auth.forbidden");
        }
        cases.loadInScope(caseId, user);
        Instant now = clock.instant();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (level == null) {
            errors.add("level", "supervision.level.required");
        }
        if (demand == null || demand.isBlank() || demand.strip().length() > 1000) {
            errors.add("demand", "supervision.demand.required");
        }
        if (answerBy == null || answerBy.isBefore(LocalDate.ofInstant(now, policy.zone()))) {
            errors.add("answerBy", "supervision.answer-by.future");
        }
        errors.throwIfAny();
        Snapshot c = snapshots.find(caseId).orElseThrow();
        if (!c.state().open() || c.state() == CaseState.RESOLVED || c.state() == CaseState.VERIFIED) {
            throw DomainException.conflict("supervision.case-finished", c.code(), c.state().label());
        }
        Instant answerDue = answerBy.atTime(LocalTime.of(23, 59, 59)).atZone(policy.zone()).toInstant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_order (case_id, due_at, issued_at, department_id, handler_id, text, kind, level,
                                               demand, answer_due_at, opened_by, opened_by_name)
                VALUES (?, ?, ?, ?, ?, ?, 'LEADER', ?, ?, ?, ?, ?)""")
                .params(caseId, CaseRows.utc(now), CaseRows.utc(now), c.departmentId(), c.handlerId(),
                        demand.strip(), level.name(), demand.strip(), CaseRows.utc(answerDue), user.id(),
                        user.displayName())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        history(c, user, HistoryKind.SUPERVISION_LEADER, level.label() + "：" + demand.strip() + "（" + answerBy + " 前答复）", now);
        events.publishEvent(new CaseEvent.SupervisionOrderOpened(c.facts(now), id, "LEADER",
                "督办单（" + level.label() + "）：" + excerpt(demand.strip()), c.handlerId()));
        return find(id).orElseThrow();
    }

    /** The department answers; only its own handlers may, once (a second answer is 409). */
    @Transactional
    public SupervisionOrder answer(long orderId, String answer, CurrentUser user) {
        if (!user.can(ANSWER)) {
            throw DomainException.forbidden("auth.forbidden");
        }
        SupervisionOrder order = find(orderId).orElseThrow(() -> DomainException.notFound("supervision.not-found", orderId));
        cases.loadInScope(order.caseId(), user);
        if (!user.hasRole(Roles.DISPATCHER)
                && (order.departmentId() == null || !order.departmentId().equals(user.departmentId()))) {
            throw DomainException.forbidden("supervision.not-own");
        }
        if (answer == null || answer.isBlank() || answer.strip().length() > 2000) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("answer", "supervision.answer.required",
                    new Object[0])));
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE supervision_order SET answer = ?, answered_at = ?, answered_by = ?, answered_by_name = ?
                WHERE id = ? AND answered_at IS NULL""")
                .params(answer.strip(), CaseRows.utc(now), user.id(), user.displayName(), orderId).update();
        if (updated == 0) {
            throw DomainException.conflict("supervision.answered", orderId);
        }
        Snapshot c = snapshots.find(order.caseId()).orElseThrow();
        history(c, user, HistoryKind.SUPERVISION_ANSWERED, "督办答复：" + answer.strip(), now);
        Long openedBy = jdbc.sql("SELECT opened_by FROM supervision_order WHERE id = ?").param(orderId)
                .query(Long.class).optional().orElse(null);
        events.publishEvent(new CaseEvent.SupervisionOrderAnswered(c.facts(now), orderId, openedBy, answer.strip()));
        return find(orderId).orElseThrow();
    }

    /** The orders of one case in the user's scope, newest first. */
    public List<SupervisionOrder> ofCase(long caseId, CurrentUser user) {
        cases.loadInScope(caseId, user);
        return jdbc.sql("SELECT " + SupervisionQueries.ORDER_COLUMNS + """

                FROM supervision_order o JOIN case_file c ON c.id = o.case_id
                LEFT JOIN department d ON d.id = o.department_id WHERE o.case_id = ? ORDER BY o.issued_at DESC, o.id DESC""")
                .param(caseId).query(SupervisionQueries::order).list();
    }

    private java.util.Optional<SupervisionOrder> find(long id) {
        return jdbc.sql("SELECT " + SupervisionQueries.ORDER_COLUMNS + """

                FROM supervision_order o JOIN case_file c ON c.id = o.case_id
                LEFT JOIN department d ON d.id = o.department_id WHERE o.id = ?""")
                .param(id).query(SupervisionQueries::order).optional();
    }

    private void history(Snapshot c, CurrentUser user, HistoryKind action, String note, Instant now) {
        String role = user.hasRole(Roles.LEADER) ? Roles.LEADER : user.hasRole(Roles.HANDLER) ? Roles.HANDLER : null;
        repo.appendNotes(c.id(), List.of(new HistoryDraft(action, c.state(), c.state(), c.tier(), c.departmentId(),
                user.id(), user.displayName(), role, note, List.of(), now)));
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
