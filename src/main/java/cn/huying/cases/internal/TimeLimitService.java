package cn.huying.cases.internal;

import cn.huying.cases.CaseView;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps around time limits that are not state transitions: first contact 首次联系, extension
 * 延期 (request and decision), staged progress 阶段性进展. Each appends to the history and
 * publishes an event, guarded by the case's version like a transition.
 */
@Service
public class TimeLimitService {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** An extension request as shown to approvers. */
    public record Extension(long id, long caseId, String caseCode, int workingDays, String reason,
                            cn.huying.cases.ExtensionStatus status,
                            long requestedBy, Instant requestedAt, Instant oldDueAt, Instant newDueAt, Long decidedBy,
                            Instant decidedAt, String decisionNote) {
    }

    private final CaseReads cases;
    private final CaseRepository repo;
    private final TimeLimitPolicy policy;
    private final TimeLimitConfig.SlaProperties props;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SupervisionQueries supervision;

    TimeLimitService(CaseReads cases, CaseRepository repo, TimeLimitPolicy policy, TimeLimitConfig.SlaProperties props,
                     JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, SupervisionQueries supervision) {
        this.supervision = supervision;
        this.cases = cases;
        this.repo = repo;
        this.policy = policy;
        this.props = props;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private void save(CaseFile c, long expected) {
        if (!repo.save(c, expected)) {
            CaseFile current = repo.find(c.id()).orElseThrow();
            throw DomainException.conflict("case.stale", current.code(), current.state().label(), current.version());
        }
    }

    private CaseFile load(long id, Long version, CurrentUser user, String permission) {
        CaseFile c = cases.loadInScope(id, user);
        if (!user.can(permission)) {
            throw DomainException.forbidden("auth.forbidden");
        }
        if (version != null && version != c.version()) {
            throw DomainException.conflict("case.stale", c.code(), c.state().label(), c.version());
        }
        return c;
    }

    @Transactional
    public CaseView firstContact(long id, Long version, String note, CurrentUser user) {
        CaseFile c = load(id, version, user, "case:first-contact");
        long expected = c.version();
        c.firstContact(Actor.of(user), blank(note) ? "已联系诉求人" : note.strip(), clock.instant());
        save(c, expected);
        return cases.view(c, user);
    }

    @Transactional
    public Extension requestExtension(long id, Long version, Integer days, String reason, CurrentUser user) {
        CaseFile c = load(id, version, user, "case:extend");
        cases.refuseWhileClaimed(id, "申请延期");
        InvalidInput.Collector errors = new InvalidInput.Collector();
        int left = props.maxExtensionDays() - c.sla().extensionDays();
        if (left < 1) {
            throw DomainException.conflict("case.extension.exhausted", props.maxExtensionDays());
        }
        if (days == null || days < 1 || days > left) {
            errors.add("workingDays", "case.extension.days", left);
        }
        if (blank(reason) || reason.length() > 1000) {
            errors.add("reason", "case.extension.reason");
        }
        errors.throwIfAny();
        if (c.sla().dueAt() == null) {
            throw DomainException.conflict("case.sla.not-registered");
        }
        long pending = jdbc.sql("SELECT COUNT(*) FROM case_extension WHERE case_id = ? AND status = 'PENDING'")
                .param(id).query(Long.class).single();
        if (pending > 0) {
            throw DomainException.conflict("case.extension.pending");
        }
        Instant now = clock.instant();
        long expected = c.version();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_extension (case_id, working_days, reason, status, requested_by, requested_at, old_due_at)
                VALUES (?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(id, days, reason.strip(), user.id(), CaseRepository.utc(now), CaseRepository.utc(c.sla().dueAt()))
                .update(keys, "id");
        long extensionId = keys.getKey().longValue();
        c.extensionRequested(Actor.of(user), extensionId, days, reason.strip(), now);
        save(c, expected);
        return extension(extensionId);
    }

    @Transactional
    public Extension decideExtension(long id, long extensionId, boolean approve, String note, CurrentUser user) {
        CaseFile c = load(id, null, user, "extension:approve");
        Extension ext = extension(extensionId);
        if (ext.caseId() != id) {
            throw DomainException.notFound("case.extension.not-found", extensionId);
        }
        if (ext.status() != cn.huying.cases.ExtensionStatus.PENDING) {
            throw DomainException.conflict("case.extension.decided", extensionId);
        }
        Instant now = clock.instant();
        long expected = c.version();
        Sla extended = approve ? policy.extended(c.sla(), ext.workingDays()) : c.sla();
        String summary = approve
                ? "批准延期 " + ext.workingDays() + " 个工作日，新的办结时限：" + TEXT.format(extended.dueAt().atZone(clock.getZone()))
                + (blank(note) ? "" : "（" + note.strip() + "）")
                : "不同意延期" + (blank(note) ? "" : "：" + note.strip());
        int n = jdbc.sql("""
                UPDATE case_extension SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, new_due_at = ?
                WHERE id = ? AND status = 'PENDING'""")
                .params((approve ? cn.huying.cases.ExtensionStatus.APPROVED : cn.huying.cases.ExtensionStatus.REFUSED).name(), user.id(), CaseRepository.utc(now), note,
                        approve ? CaseRepository.utc(extended.dueAt()) : null, extensionId)
                .update();
        if (n != 1) {
            throw DomainException.conflict("case.extension.decided", extensionId);
        }
        c.extensionDecided(Actor.of(user), extensionId, approve, extended, note, summary, now);
        save(c, expected);
        return extension(extensionId);
    }

    @Transactional
    public CaseView recordProgress(long id, Long version, String reason, String nextSteps, LocalDate promised,
                                   CurrentUser user) {
        CaseFile c = load(id, version, user, "case:progress");
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (blank(reason) || reason.length() > 1000) {
            errors.add("reason", "case.progress.fields");
        }
        if (blank(nextSteps) || nextSteps.length() > 1000) {
            errors.add("nextSteps", "case.progress.fields");
        }
        Instant now = clock.instant();
        if (promised == null) {
            errors.add("promisedDate", "case.progress.fields");
        } else if (promised.isBefore(LocalDate.ofInstant(now, clock.getZone()))) {
            errors.add("promisedDate", "case.progress.date");
        }
        errors.throwIfAny();
        if (c.sla().dueAt() == null || now.isBefore(c.sla().dueAt())) {
            throw DomainException.conflict("case.progress.not-overdue");
        }
        long expected = c.version();
        jdbc.sql("""
                INSERT INTO case_progress (case_id, reason, next_steps, promised_date, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, reason.strip(), nextSteps.strip(), promised, user.id(), CaseRepository.utc(now)).update();
        c.progressRecorded(Actor.of(user), reason.strip(), nextSteps.strip(), promised, now);
        save(c, expected);
        return cases.view(c, user);
    }

    public Extension extension(long extensionId) {
        return jdbc.sql("""
                SELECT e.id, e.case_id, c.code, e.working_days, e.reason, e.status, e.requested_by, e.requested_at,
                       e.old_due_at, e.new_due_at, e.decided_by, e.decided_at, e.decision_note
                FROM case_extension e JOIN case_file c ON c.id = e.case_id WHERE e.id = ?""")
                .param(extensionId)
                .query((rs, n) -> new Extension(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), cn.huying.cases.ExtensionStatus.valueOf(rs.getString(6)), rs.getLong(7),
                        CaseRepository.instant(rs, "requested_at"),
                        CaseRepository.instant(rs, "old_due_at"), CaseRepository.instant(rs, "new_due_at"),
                        rs.getObject(11, Long.class), CaseRepository.instant(rs, "decided_at"), rs.getString(13)))
                .optional()
                .orElseThrow(() -> DomainException.notFound("case.extension.not-found", extensionId));
    }

    /** Extensions of one case, newest first. */
    public List<Extension> extensions(long caseId, CurrentUser user) {
        cases.loadInScope(caseId, user);
        return jdbc.sql("SELECT id FROM case_extension WHERE case_id = ? ORDER BY id DESC").param(caseId)
                .query(Long.class).list().stream().map(this::extension).toList();
    }

    // ---- supervision ---------------------------------------------------------

    public cn.huying.shared.PageResult<cn.huying.cases.SupervisionOrder> supervisionOrders(CurrentUser user,
                                                                                         cn.huying.shared.PageRequest page) {
        return supervisionOrders(user, false, page);
    }

    /** The supervision orders in the user's scope, newest first; only the unanswered ones when {@code openOnly}. */
    public cn.huying.shared.PageResult<cn.huying.cases.SupervisionOrder> supervisionOrders(CurrentUser user,
            boolean openOnly, cn.huying.shared.PageRequest page) {
        if (!user.can("supervision:view")) {
            throw DomainException.forbidden("auth.forbidden");
        }
        CaseScope scope = cases.caseScope(user);
        return new cn.huying.shared.PageResult<>(supervision.supervisionOrders(scope, openOnly, page.size(), page.offset()),
                supervision.countSupervisionOrders(scope, openOnly), page.page(), page.size());
    }

    /** Extension requests waiting for this approver, in their scope. */
    public List<Extension> pendingExtensions(CurrentUser user) {
        if (!user.can("extension:approve")) {
            throw DomainException.forbidden("auth.forbidden");
        }
        return supervision.pendingExtensions(cases.caseScope(user), 200).stream().map(this::extension).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
