package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseEvent.Facts;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The case aggregate 事件/工单. Its state changes only through the verbs below; each verb asks the
 * {@link TransitionTable} whether this actor may take this action now, appends a history entry
 * and registers an event. There is no way to set the state directly.
 */
public final class CaseFile {

    /** Facts fixed at intake. */
    public record Intake(String code, CaseKind kind, long categoryId, Channel channel, Urgency urgency, String title,
                         String description, Double lat, Double lng, String address, long regionId, Long townId,
                         Reporter reporter, long createdBy, String idempotencyKey) {
    }

    /** Who reported: a user, or a citizen's name and phone (kept encrypted, with a mask for lists). */
    public record Reporter(Long userId, String nameEncrypted, String phoneEncrypted, String phoneMasked,
                           String phoneLast4) {
    }

    /**
     * The case's time limits 限时办结: set at registration from the rule version the case is judged
     * by, moved by approved extensions, stopped while parked or transferred, finished when resolved.
     *
     * @param level      0 green, 1 yellow, 2 red — as the sweep last saw it
     * @param nextSlaAt  when the sweep must look at the case again (null: nothing left to watch)
     */
    public record Sla(Instant receivedAt, Instant externalDueAt, Integer ruleVersion, Long ruleId,
                      Instant firstContactDueAt, Instant firstContactedAt, Instant dueAt, boolean assumed,
                      int extensionDays, Instant yellowAt, Instant redAt, int level, Instant nextSlaAt,
                      Instant clockStoppedAt, Instant progressDueAt, Instant lastProgressAt) {

        /** Before registration: only the receipt time (and a sender's deadline) are known. */
        public static Sla received(Instant receivedAt, Instant externalDueAt) {
            return new Sla(receivedAt, externalDueAt, null, null, null, null, null, false, 0, null, null, 0, null, null,
                    null, null);
        }

        Sla withClockStopped(Instant at) {
            return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                    assumed, extensionDays, yellowAt, redAt, level, null, at, progressDueAt, lastProgressAt);
        }

        Sla finished() {
            return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                    assumed, extensionDays, yellowAt, redAt, level, null, clockStoppedAt, progressDueAt, lastProgressAt);
        }

        Sla withFirstContact(Instant at) {
            return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, at, dueAt, assumed,
                    extensionDays, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt, lastProgressAt);
        }

        Sla withProgress(Instant at) {
            return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                    assumed, extensionDays, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt, at);
        }

        Sla withLevel(int newLevel, Instant next) {
            return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                    assumed, extensionDays, yellowAt, redAt, newLevel, next, clockStoppedAt, progressDueAt,
                    lastProgressAt);
        }

        /** Whether the clock runs: registered, not stopped, not finished. */
        public boolean running() {
            return dueAt != null && clockStoppedAt == null && nextSlaAt != null;
        }
    }

    private Long id;
    private final Intake intake;
    private Sla sla;
    private CaseState state;
    private Tier tier;
    private String tierPath;
    private Tier resolvedTier;
    private Long departmentId;
    private Long handlerId;
    private Long leadCaseId;
    private int reworkCount;
    private int unsatisfiedCount;
    private Satisfaction satisfaction;
    private String reply;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant dispatchedAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private long version;
    private Long actedVersion;
    private String historyHead;
    private int historyLength;
    private int attachmentCount;
    private int mergedCount;

    private final List<HistoryDraft> pendingHistory = new ArrayList<>();
    private final List<CaseEvent> pendingEvents = new ArrayList<>();
    private long lastActorId;

    private CaseFile(Intake intake, Instant createdAt) {
        this.intake = Objects.requireNonNull(intake);
        this.createdAt = createdAt;
    }

    /** A new case as reported, at the tier the {@link EscalationPolicy} gives. */
    static CaseFile report(Intake intake, Tier startTier, Actor reporter, List<Long> attachmentIds, Instant now,
                           Sla received) {
        CaseFile c = new CaseFile(intake, now);
        c.sla = received;
        c.state = CaseState.REPORTED;
        c.tier = startTier;
        c.tierPath = startTier.name();
        c.updatedAt = now;
        c.version = 0;
        c.pendingHistory.add(new HistoryDraft("REPORT", null, CaseState.REPORTED, startTier, null, reporter.userId(),
                reporter.name(), primaryRole(reporter), intake.description(), attachmentIds, now));
        c.lastActorId = reporter.userId();
        return c;
    }

    /** A case as stored. */
    static CaseFile restore(long id, Intake intake, CaseState state, Tier tier, String tierPath, Tier resolvedTier,
                            Long departmentId, Long handlerId, Long leadCaseId, int reworkCount, int unsatisfiedCount,
                            Satisfaction satisfaction, String reply, Instant createdAt, Instant updatedAt,
                            Instant dispatchedAt, Instant acceptedAt, Instant resolvedAt, Instant closedAt, long version,
                            Sla sla) {
        CaseFile c = new CaseFile(intake, createdAt);
        c.id = id;
        c.sla = sla;
        c.state = state;
        c.tier = tier;
        c.tierPath = tierPath;
        c.resolvedTier = resolvedTier;
        c.departmentId = departmentId;
        c.handlerId = handlerId;
        c.leadCaseId = leadCaseId;
        c.reworkCount = reworkCount;
        c.unsatisfiedCount = unsatisfiedCount;
        c.satisfaction = satisfaction;
        c.reply = reply;
        c.updatedAt = updatedAt;
        c.dispatchedAt = dispatchedAt;
        c.acceptedAt = acceptedAt;
        c.resolvedAt = resolvedAt;
        c.closedAt = closedAt;
        c.version = version;
        return c;
    }

    // ---- verbs ----------------------------------------------------------------------------

    /** 即办: the grid worker settles it on the spot. */
    void resolveOnSpot(Actor actor, String reply, List<Long> attachments, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.RESOLVE_ON_SPOT, actor);
        require(reply, "reply");
        this.sla = sla.finished();
        this.reply = reply.strip();
        this.resolvedTier = tier;
        this.resolvedAt = now;
        move(t, actor, reply, attachments, now);
        pendingEvents.add(new CaseEvent.CaseResolved(facts(now), resolvedTier, this.reply));
    }

    /** 升级: beyond this tier; the next tier takes it. */
    void escalate(Actor actor, String reason, List<Long> attachments, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.ESCALATE, actor);
        require(reason, "reason");
        Tier from = tier;
        moveTier(t.tierAfter());
        move(t, actor, reason, attachments, now);
        pendingEvents.add(new CaseEvent.CaseEscalated(facts(now), from));
    }

    /**
     * 越级直报: a grid worker's report goes straight to the town command centre (beyond the village, urgent,
     * or a town-tier category). Not a transition: the case stays REPORTED, its tier moves from GRID to TOWN
     * and the path keeps both; the history says why.
     */
    void skipToTown(Actor actor, String reason, Instant now) {
        if (state != CaseState.REPORTED || tier != Tier.GRID) {
            throw DomainException.conflict("case.skip-to-town.not-reported");
        }
        moveTier(Tier.TOWN);
        record("SKIP_TO_TOWN", state, actor, primaryRole(actor), reason, List.of(), now);
    }

    /** 立案/受理 by the town command centre, from any tier; the time limits start to count. */
    void register(Actor actor, String note, Instant now, Sla limits) {
        TransitionTable.Transition t = guard(CaseAction.REGISTER, actor);
        this.sla = limits;
        moveTier(t.tierAfter());
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseRegistered(facts(now)));
    }

    /** 不予受理, with the reason the reporter is told. */
    void reject(Actor actor, String reason, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.REJECT, actor);
        require(reason, "reason");
        this.sla = sla.finished();
        this.reply = reason.strip();
        move(t, actor, reason, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseRejected(facts(now), this.reply));
    }

    /** 合并: a duplicate follows the lead case's outcome. */
    void mergeInto(Actor actor, CaseFile lead, String note, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.MERGE, actor);
        if (lead.id() == null || lead.id().equals(id)) {
            throw DomainException.invalid("case.merge.self");
        }
        if (!lead.state().open() || lead.state() == CaseState.MERGED) {
            throw DomainException.conflict("case.merge.lead-finished", lead.code(), lead.state().label());
        }
        this.leadCaseId = lead.id();
        this.sla = sla.finished();
        move(t, actor, note == null ? "并入主件 " + lead.code() : note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseMerged(facts(now), lead.id()));
    }

    /** 派遣 to a department (and optionally a named handler). */
    void dispatch(Actor actor, long departmentId, Long handlerId, String note, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.DISPATCH, actor);
        this.departmentId = departmentId;
        this.handlerId = handlerId;
        this.dispatchedAt = now;
        this.acceptedAt = null;
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseDispatched(facts(now), departmentId, handlerId));
    }

    /** 挂账: cannot be solved now; off the clock, into the problem ledger. */
    void park(Actor actor, String reason, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.PARK, actor);
        require(reason, "reason");
        this.sla = sla.withClockStopped(now);
        move(t, actor, reason, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseParked(facts(now), reason.strip()));
    }

    /** A parked case resumes at registration, its deadlines moved by the days it was parked. */
    void resume(Actor actor, String note, Instant now, Sla resumed) {
        TransitionTable.Transition t = guard(CaseAction.RESUME, actor);
        this.sla = resumed;
        this.departmentId = null;
        this.handlerId = null;
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseResumed(facts(now)));
    }

    /** 移送: to the competent body (suspected crime or discipline); leaves the clock. */
    void transfer(Actor actor, String reason, String receivingBody, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.TRANSFER, actor);
        if (!actor.roles().contains(Roles.DISPATCHER)) {
            // a department transfers only what was dispatched to it (涉嫌违法案件移送)
            requireOwnDepartment(actor);
        }
        require(reason, "reason");
        if (receivingBody == null || receivingBody.isBlank() || receivingBody.strip().length() > 100) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError(
                    "receivingBody", "case.field.required-named", new Object[]{"移送单位（不超过 100 字）"})));
        }
        String body = receivingBody.strip();
        this.sla = sla.withClockStopped(now);
        // the citizen is told where the case went
        this.reply = "已移送至" + body + "：" + reason.strip();
        move(t, actor, "移送至" + body + "：" + reason.strip(), List.of(), now);
        pendingEvents.add(new CaseEvent.CaseTransferred(facts(now), reason.strip(), body));
    }

    /** 签收 by a handler of the department it was dispatched to. */
    void accept(Actor actor, String note, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.ACCEPT, actor);
        requireOwnDepartment(actor);
        this.handlerId = actor.userId();
        this.acceptedAt = now;
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseAccepted(facts(now), actor.userId()));
    }

    /** 回退: out of the department's scope, back to the command centre with the reason. */
    void returnToDispatcher(Actor actor, String reason, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.RETURN, actor);
        requireOwnDepartment(actor);
        require(reason, "reason");
        long from = departmentId;
        move(t, actor, reason, List.of(), now);
        this.departmentId = null;
        this.handlerId = null;
        pendingEvents.add(new CaseEvent.CaseReturned(facts(now), from, reason.strip()));
    }

    /** 办理答复: the department (or the village) answers and settles it. */
    void resolve(Actor actor, String reply, List<Long> attachments, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.RESOLVE, actor);
        if (t.roles().contains(Roles.HANDLER)) {
            requireOwnDepartment(actor);
        }
        require(reply, "reply");
        this.sla = sla.finished();
        this.reply = reply.strip();
        this.resolvedTier = tier;
        this.resolvedAt = now;
        move(t, actor, reply, attachments, now);
        pendingEvents.add(new CaseEvent.CaseResolved(facts(now), resolvedTier, this.reply));
    }

    /** 核查: the result is checked. */
    void verify(Actor actor, String note, List<Long> attachments, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.VERIFY, actor);
        move(t, actor, note, attachments, now);
        pendingEvents.add(new CaseEvent.CaseVerified(facts(now)));
    }

    /** 重办: verification failed; the case goes back to be done again (counts as rework). */
    void reopen(Actor actor, String reason, Instant now, Sla fresh) {
        TransitionTable.Transition t = guard(CaseAction.REOPEN, actor);
        require(reason, "reason");
        this.sla = fresh;
        this.reworkCount++;
        move(t, actor, reason, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseReopened(facts(now), reworkCount, reason.strip()));
    }

    /** 结案 */
    void close(Actor actor, String note, Instant now) {
        TransitionTable.Transition t = guard(CaseAction.CLOSE, actor);
        this.closedAt = now;
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseClosed(facts(now)));
        if (intake.reporter().phoneEncrypted() != null) {
            pendingEvents.add(new CaseEvent.CitizenToBeTold(facts(now)));
        }
    }

    /**
     * 回访评价. 不满意 reopens the case once (重办); a second 不满意 ends the revisit and goes to the leader.
     */
    void revisit(Actor actor, Satisfaction rating, String comment, Instant now, Sla ifReopened) {
        TransitionTable.Transition t = guard(CaseAction.REVISIT, actor);
        if (rating == null) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError("satisfaction",
                    "case.field.required-named", new Object[]{"满意度评价"})));
        }
        if (actor.roles().contains(Roles.CITIZEN) && !actor.roles().contains(Roles.DISPATCHER)
                && !Objects.equals(intake.reporter().userId(), actor.userId())) {
            throw DomainException.forbidden("case.revisit.not-reporter");
        }
        this.satisfaction = rating;
        String note = rating.label() + (comment == null || comment.isBlank() ? "" : "：" + comment.strip());
        boolean needsLeader = false;
        if (rating == Satisfaction.UNSATISFIED && unsatisfiedCount == 0) {
            unsatisfiedCount++;
            reworkCount++;
            CaseState from = state;
            state = CaseState.REOPENED;
            sla = ifReopened;
            record(CaseAction.REVISIT.name(), from, actor, primaryRole(actor, t), note, List.of(), now);
            pendingEvents.add(new CaseEvent.CaseRevisited(facts(now), rating, false));
            pendingEvents.add(new CaseEvent.CaseReopened(facts(now), reworkCount, note));
            return;
        }
        if (rating == Satisfaction.UNSATISFIED) {
            unsatisfiedCount++;
            needsLeader = true;
        }
        move(t, actor, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseRevisited(facts(now), rating, needsLeader));
    }

    // ---- time-limit events (no state change, but history and an event) ----------------------

    /** 首次联系: the citizen was reached. Once per case, while it is with a department. */
    void firstContact(Actor actor, String note, Instant now) {
        if (sla.firstContactedAt() != null) {
            throw DomainException.conflict("case.first-contact.done");
        }
        requireWithDepartment(actor, "首次联系");
        this.sla = sla.withFirstContact(now);
        record("FIRST_CONTACT", state, actor, null, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseFirstContacted(facts(now), note));
    }

    /** 申请延期: before the deadline, by the department handling it. */
    void extensionRequested(Actor actor, long extensionId, int workingDays, String reason, Instant now) {
        requireWithDepartment(actor, "申请延期");
        if (sla.dueAt() == null || !now.isBefore(sla.dueAt())) {
            throw DomainException.conflict("case.extension.after-deadline");
        }
        record("EXTENSION_REQUEST", state, actor, null, "申请延期 " + workingDays + " 个工作日：" + reason, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseExtensionRequested(facts(now), extensionId, workingDays, reason));
    }

    /** 延期审批: an approval moves the deadline (the new one goes into the history). */
    void extensionDecided(Actor actor, long extensionId, boolean approved, Sla extended, String note, String summary,
                          Instant now) {
        if (approved) {
            this.sla = extended;
        }
        record(approved ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", state, actor, null, summary, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseExtensionDecided(facts(now), extensionId, approved,
                approved ? extended.dueAt() : null, note));
    }

    /** 阶段性进展: not done in time; the reason, next steps and a new date for the citizen. */
    void progressRecorded(Actor actor, String reason, String nextSteps, java.time.LocalDate promised, Instant now) {
        requireWithDepartment(actor, "反馈阶段性进展");
        this.sla = sla.withProgress(now);
        record("PROGRESS", state, actor, null, "原因：" + reason + "；下一步：" + nextSteps + "；预计办结：" + promised,
                List.of(), now);
        pendingEvents.add(new CaseEvent.CaseProgressRecorded(facts(now), reason, nextSteps, promised));
    }

    /**
     * A step of the case hand-off ({@link cn.huying.cases.CaseHandOff}) that is not a transition: the claim, the
     * module's progress, the clock stopped or running again. History only, and the time limits it brings.
     */
    void handOff(String action, Actor actor, String note, Sla limits, Instant now) {
        this.sla = limits;
        record(action, state, actor, null, note, List.of(), now);
    }

    /** The sweep saw a light change: YELLOW (level 1) or RED (level 2). */
    void deadlineLight(int level, Instant next, Actor system, Instant now) {
        this.sla = sla.withLevel(level, next);
        String light = level >= 2 ? "RED" : "YELLOW";
        record(level >= 2 ? "DEADLINE_RED" : "DEADLINE_YELLOW", state, system, null,
                level >= 2 ? "已超过办结时限，红灯督办" : "距办结时限不足一个工作日，黄灯预警", List.of(), now);
        pendingEvents.add(new CaseEvent.CaseDeadlineWarning(facts(now), light, sla.dueAt()));
    }

    /** New deadlines after a holiday notice replaced assumed days; the lights are watched afresh. */
    void deadlinesRecomputed(Sla fresh, Actor system, String note, Instant now) {
        this.sla = new Sla(fresh.receivedAt(), fresh.externalDueAt(), fresh.ruleVersion(), fresh.ruleId(),
                fresh.firstContactDueAt(), sla.firstContactedAt(), fresh.dueAt(), fresh.assumed(), fresh.extensionDays(),
                fresh.yellowAt(), fresh.redAt(), 0, fresh.yellowAt(), null, fresh.progressDueAt(), sla.lastProgressAt());
        record("DEADLINE_RECOMPUTED", state, system, null, note, List.of(), now);
    }

    /** Nothing left to watch (the case left the clock some other way). */
    void stopWatching() {
        this.sla = sla.finished();
    }

    void supervisionOrderIssued(long orderId, Instant now) {
        pendingEvents.add(new CaseEvent.SupervisionOrderIssued(facts(now), orderId, sla.dueAt(), handlerId));
    }

    /** Steps only the department handling the case (or the command centre) may take. */
    private void requireWithDepartment(Actor actor, String what) {
        if (state != CaseState.DISPATCHED && state != CaseState.ACCEPTED) {
            throw DomainException.conflict("case.sla.not-with-department", state.label(), what);
        }
        if (actor.roles().contains(Roles.DISPATCHER)) {
            return;
        }
        requireOwnDepartment(actor);
    }

    // ---- guards and bookkeeping -----------------------------------------------------------

    private TransitionTable.Transition guard(CaseAction action, Actor actor) {
        if (!TransitionTable.possible(action, state, tier)) {
            String allowed = TransitionTable.possibleActions(state, tier).stream().map(CaseAction::label)
                    .collect(Collectors.joining("、"));
            throw DomainException.conflict("case.transition.illegal", state.label(), tier.label(), action.label(),
                    allowed.isEmpty() ? "无" : allowed);
        }
        return TransitionTable.find(action, state, tier, actor.roles()).orElseThrow(() ->
                DomainException.forbidden("case.transition.role", action.label(), state.label(), tier.label()));
    }

    private void requireOwnDepartment(Actor actor) {
        if (departmentId == null || !departmentId.equals(actor.departmentId())) {
            throw DomainException.forbidden("case.department.not-own");
        }
    }

    /** A required note: the reason of a refusal or escalation, or the reply; sent as {@code note}. */
    private static void require(String text, String field) {
        String label = "reply".equals(field) ? "办理答复" : "理由";
        if (text == null || text.isBlank()) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError("note",
                    "case.field.required-named", new Object[]{label})));
        }
        if (text.length() > 4000) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError("note",
                    "case.field.too-long", new Object[]{label, 4000})));
        }
    }

    private void moveTier(Tier to) {
        if (to != null && to != tier) {
            tier = to;
            tierPath = tierPath + "," + to.name();
        }
    }

    private void move(TransitionTable.Transition t, Actor actor, String note, List<Long> attachments, Instant now) {
        CaseState from = state;
        state = t.to();
        record(t.action().name(), from, actor, primaryRole(actor, t), note, attachments, now);
    }

    private void record(String action, CaseState from, Actor actor, String role, String note, List<Long> attachments,
                        Instant now) {
        updatedAt = now;
        lastActorId = actor.userId();
        pendingHistory.add(new HistoryDraft(action, from, state, tier, departmentId, actor.userId(), actor.name(), role,
                note == null || note.isBlank() ? null : note.strip(), attachments, now));
    }

    /** The first (alphabetically) of the actor's roles that the transition admits: the role history records. */
    private static String primaryRole(Actor actor, TransitionTable.Transition t) {
        return firstRole(actor, t.roles());
    }

    private static String primaryRole(Actor actor) {
        return firstRole(actor, null);
    }

    private static String firstRole(Actor actor, java.util.Set<String> admitted) {
        String first = null;
        for (String r : actor.roles()) {
            if ((admitted == null || admitted.contains(r)) && (first == null || r.compareTo(first) < 0)) {
                first = r;
            }
        }
        return first;
    }

    private Facts facts(Instant now) {
        return new Facts(id == null ? 0 : id, intake.code(), intake.title(), intake.channel(), state, tier, departmentId,
                intake.regionId(), lastActorId,
                now);
    }

    // ---- persistence support --------------------------------------------------------------

    /** A new aggregate in the same state (no pending history or events), for {@link WrittenCases}. */
    CaseFile copy() {
        CaseFile c = restore(id, intake, state, tier, tierPath, resolvedTier, departmentId, handlerId, leadCaseId,
                reworkCount, unsatisfiedCount, satisfaction, reply, createdAt, updatedAt, dispatchedAt, acceptedAt,
                resolvedAt, closedAt, version, sla);
        c.attachmentCount = attachmentCount;
        c.mergedCount = mergedCount;
        c.actedVersion = actedVersion;
        c.historyHead = historyHead;
        c.historyLength = historyLength;
        return c;
    }

    void assignId(long id) {
        this.id = id;
    }

    /** History entries and events since the last save, handed over once. */
    List<HistoryDraft> drainHistory() {
        List<HistoryDraft> out = List.copyOf(pendingHistory);
        pendingHistory.clear();
        return out;
    }

    List<CaseEvent> drainEvents() {
        List<CaseEvent> out = new ArrayList<>();
        for (CaseEvent e : pendingEvents) {
            out.add(withId(e));
        }
        pendingEvents.clear();
        return out;
    }

    /** Events registered before the id was known (at intake) get it now. */
    private CaseEvent withId(CaseEvent e) {
        if (e.facts().caseId() != 0 || id == null) {
            return e;
        }
        Facts f = e.facts();
        Facts fixed = new Facts(id, f.code(), f.title(), f.channel(), f.state(), f.tier(), f.departmentId(), f.regionId(),
                f.actorId(), f.at());
        if (e instanceof CaseEvent.CaseReported r) {
            return new CaseEvent.CaseReported(fixed, r.channel(), r.categoryId());
        }
        return e;
    }

    void registerReported() {
        pendingEvents.add(new CaseEvent.CaseReported(facts(createdAt), intake.channel(), intake.categoryId()));
    }

    /** A person's change was written: the version the next action must have seen at least. */
    void versionSaved() {
        version++;
        actedVersion = version;
    }

    /** A change of the system's (deadline sweep, recomputed deadlines) was written: no one needs to have seen it. */
    void systemVersionSaved() {
        actedVersion = actedVersion();
        version++;
    }

    /** The head and length of the case's sealed history as read with its row (issue 30, {@link HistoryChain}). */
    void historyRead(String head, int length) {
        historyHead = head;
        historyLength = length;
    }

    String historyHead() {
        return historyHead;
    }

    int historyLength() {
        return historyLength;
    }

    void actedVersionRead(Long v) {
        actedVersion = v;
    }

    /** The version after the last change a person made (the version itself if not known). */
    long actedVersion() {
        return actedVersion == null ? version : actedVersion;
    }

    /** Attachments stored for this case (kept by the attachment store, not a state of the aggregate). */
    /** How many cases were merged into this one (重复件); 0 for almost every case. */
    void mergedCounted(int count) {
        this.mergedCount = count;
    }

    int mergedCount() {
        return mergedCount;
    }

    void attachmentsCounted(int count) {
        this.attachmentCount = count;
    }

    int attachmentCount() {
        return attachmentCount;
    }

    // ---- reads ------------------------------------------------------------------------------

    public Long id() { return id; }
    public Intake intake() { return intake; }
    public String code() { return intake.code(); }
    public CaseState state() { return state; }
    public Tier tier() { return tier; }
    public String tierPath() { return tierPath; }
    public Tier resolvedTier() { return resolvedTier; }
    public Long departmentId() { return departmentId; }
    public Long handlerId() { return handlerId; }
    public Long leadCaseId() { return leadCaseId; }
    public int reworkCount() { return reworkCount; }
    public int unsatisfiedCount() { return unsatisfiedCount; }
    public Satisfaction satisfaction() { return satisfaction; }
    public String reply() { return reply; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public long version() { return version; }
    public Sla sla() { return sla; }
}
