package cn.huying.cases.internal;

import cn.huying.cases.CaseHandOff;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Category;
import cn.huying.cases.Tier;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case hand-off ({@link CaseHandOff}). The steps are the transition table's own (register, dispatch, accept,
 * resolve, return), taken on the claiming module's behalf by the acting user, named with the organisation in the
 * history; only the clock handling and the {@code case_claim} row are the hand-off's own.
 */
@Service
class CaseHandOffService implements CaseHandOff {

    /** States a claim may start from: open and not yet answered. */
    private static final Set<CaseState> CLAIMABLE = EnumSet.of(CaseState.REPORTED, CaseState.ESCALATED,
            CaseState.REGISTERED, CaseState.DISPATCHED, CaseState.ACCEPTED, CaseState.RETURNED, CaseState.REOPENED);

    private final CaseRepository repo;
    private final CaseClaims claims;
    private final CaseReads cases;
    private final CategoryRepository categories;
    private final Departments departments;
    private final TimeLimitPolicy policy;
    private final CaseDeadlines deadlines;
    private final Clock clock;

    CaseHandOffService(CaseRepository repo, CaseClaims claims, CaseReads cases, CategoryRepository categories,
                       Departments departments, TimeLimitPolicy policy, CaseDeadlines deadlines, Clock clock) {
        this.repo = repo;
        this.claims = claims;
        this.cases = cases;
        this.categories = categories;
        this.departments = departments;
        this.policy = policy;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CaseView claim(long caseId, String module, String reference, String organisationName, CurrentUser actor) {
        required(module, "模块");
        required(reference, "移交编号");
        required(organisationName, "办理组织");
        CaseFile c = load(caseId);
        claims.open(caseId).ifPresent(o -> {
            throw DomainException.conflict("case.handoff.already-claimed", o.claim().organisation());
        });
        if (!CLAIMABLE.contains(c.state())) {
            throw DomainException.conflict("case.handoff.not-open", c.state().label());
        }
        long expected = c.version();
        Instant now = clock.instant();
        String note = "移交" + organisationName.strip() + "办理（" + module.strip() + " " + reference.strip() + "）";
        Actor onBehalf = onBehalf(actor, organisationName, c.departmentId());
        if (c.state() == CaseState.REPORTED || c.state() == CaseState.ESCALATED
                || (c.state() == CaseState.REOPENED && c.tier() != Tier.TOWN)) {
            c.register(onBehalf, note, now, deadlines);
        }
        if (c.state() == CaseState.REGISTERED || c.state() == CaseState.RETURNED || c.state() == CaseState.REOPENED) {
            long department = c.departmentId() != null ? c.departmentId() : departmentFor(c);
            c.dispatch(onBehalf, department, null, note, now);
        }
        if (c.state() == CaseState.DISPATCHED) {
            c.accept(onBehalf(actor, organisationName, c.departmentId()), note, now);
        }
        Sla sla = c.sla();
        c.handOff(HistoryKind.HANDOFF_CLAIM, onBehalf, note + "；办结时限暂停计算", stopped(sla, now), now);
        save(c, expected);
        claims.insert(caseId, module.strip(), reference.strip(), organisationName.strip(), now, actor.id(), sla.dueAt());
        return cases.view(c, actor);
    }

    @Override
    @Transactional
    public CaseView progress(long caseId, String module, String note, CurrentUser actor) {
        required(note, "进展情况");
        CaseClaims.Open open = requireOpen(caseId, module);
        CaseFile c = load(caseId);
        long expected = c.version();
        Instant now = clock.instant();
        c.handOff(HistoryKind.HANDOFF_PROGRESS, onBehalf(actor, open.claim().organisation(), c.departmentId()), note,
                c.sla().withProgress(now), now);
        save(c, expected);
        return cases.view(c, actor);
    }

    @Override
    @Transactional
    public CaseView resolve(long caseId, String module, String reply, CurrentUser actor) {
        required(reply, "办理结果");
        CaseClaims.Open open = requireOpen(caseId, module);
        CaseFile c = load(caseId);
        long expected = c.version();
        Instant now = clock.instant();
        Actor who = onBehalf(actor, open.claim().organisation(), c.departmentId());
        // the deadline moved by the days the clock stood still: the light judges the case's own time only
        c.handOff(HistoryKind.HANDOFF_RESOLVE, who, open.claim().organisation() + "办结", resumed(c.sla(), open, now), now);
        c.resolve(who, reply, List.of(), now);
        save(c, expected);
        claims.end(open.id(), "RESOLVED", now);
        return cases.view(c, actor);
    }

    @Override
    @Transactional
    public CaseView decline(long caseId, String module, String reason, CurrentUser actor) {
        required(reason, "退回理由");
        CaseClaims.Open open = requireOpen(caseId, module);
        CaseFile c = load(caseId);
        long expected = c.version();
        Instant now = clock.instant();
        Actor who = onBehalf(actor, open.claim().organisation(), c.departmentId());
        c.handOff(HistoryKind.HANDOFF_DECLINE, who, open.claim().organisation() + "退回：" + reason.strip() + "；办结时限恢复计算",
                resumed(c.sla(), open, now), now);
        c.returnToDispatcher(who, reason, now);
        save(c, expected);
        claims.end(open.id(), "DECLINED", now);
        return cases.view(c, actor);
    }

    @Override
    public Optional<Claim> openClaim(long caseId) {
        return claims.open(caseId).map(CaseClaims.Open::claim);
    }

    // ---- clocks -------------------------------------------------------------------------------

    /**
     * The completion clock stops (the sweep stops looking at the case); a sender's own deadline (the hotline's) keeps
     * running and is watched alone.
     */
    private Sla stopped(Sla s, Instant now) {
        if (s.dueAt() == null || s.externalDueAt() == null) {
            return s.withClockStopped(now);
        }
        Instant due = s.externalDueAt();
        if (due.equals(s.dueAt())) {
            return s;
        }
        Instant yellow = policy.yellowAt(due);
        return s.withDeadline(due, yellow, policy.redAt(due), yellow, s.progressDueAt());
    }

    /** The case's own deadline moved by the working days it was claimed (no later than a sender's own). */
    private Sla resumed(Sla s, CaseClaims.Open open, Instant now) {
        if (s.dueAt() == null || open.ownDueAt() == null) {
            return s;
        }
        Sla stood = s.withDeadline(open.ownDueAt(), policy.yellowAt(open.ownDueAt()), policy.redAt(open.ownDueAt()),
                null, s.progressDueAt()).withClockStopped(open.claim().claimedAt());
        Sla back = policy.resumed(stood, now);
        if (s.externalDueAt() != null && back.dueAt().isAfter(s.externalDueAt())) {
            return s.clockStoppedAt() == null ? s : policy.resumed(s, now);
        }
        return back;
    }

    // ---- support ------------------------------------------------------------------------------

    private CaseFile load(long caseId) {
        return repo.find(caseId).orElseThrow(() -> DomainException.notFound("case.not-found", caseId));
    }

    private CaseClaims.Open requireOpen(long caseId, String module) {
        return claims.open(caseId).filter(o -> o.claim().module().equals(module == null ? "" : module.strip()))
                .orElseThrow(() -> DomainException.conflict("case.handoff.not-claimed", module));
    }

    private void save(CaseFile c, long expected) {
        if (!repo.save(c, expected)) {
            CaseFile current = load(c.id());
            throw DomainException.conflict("case.stale", current.code(), current.state().label(), current.version());
        }
    }

    /** The acting user, named with the organisation, taking the command centre's and the department's steps. */
    private static Actor onBehalf(CurrentUser actor, String organisation, Long departmentId) {
        return new Actor(actor.id(), actor.displayName() + "（" + organisation.strip() + "）",
                Set.of(Roles.DISPATCHER, Roles.HANDLER), departmentId);
    }

    /** The department of the case's category in its town (e.g. 司法所 for a dispute). */
    private long departmentFor(CaseFile c) {
        Category category = categories.find(c.intake().categoryId()).orElseThrow();
        List<DepartmentView> found = departments.list(RegionScope.all(), c.intake().townId(),
                category.defaultDepartmentKind(), false);
        if (found.isEmpty()) {
            found = departments.list(RegionScope.all(), c.intake().townId(), null, false);
        }
        if (found.isEmpty()) {
            throw DomainException.conflict("case.handoff.not-open", c.state().label());
        }
        return found.get(0).id();
    }

    private static void required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("case.handoff.field-required", label);
        }
    }
}
