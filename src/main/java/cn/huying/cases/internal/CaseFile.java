package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseEvent.Facts;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Light;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The case aggregate 事件/工单. Its state changes only through the verbs below; each verb asks the
 * {@link TransitionTable} whether this actor may take this action now, appends a history entry
 * and registers an event. There is no way to set the state directly. Its time limits ({@link Sla}), with the
 * extensions, progress reports and lights that move them, are part of it; a verb that needs new limits asks the
 * {@link CaseDeadlines} port. {@link CaseRepository#save} writes what the verbs recorded. The verbs of its time
 * limits (first contact, extensions, progress reports, lights) are in {@link CaseFileLimits}; the state itself and
 * the bookkeeping in {@link CaseFileBase}.
 */
public final class CaseFile extends CaseFileLimits {

    CaseFile(Intake intake, Instant createdAt) {
        super(intake, createdAt);
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
        record(HistoryKind.SKIP_TO_TOWN, state, actor, primaryRole(actor), reason, List.of(), now);
    }

    /** 立案/受理 by the town command centre, from any tier; the time limits start to count. */
    void register(Actor actor, String note, Instant now, CaseDeadlines deadlines) {
        TransitionTable.Transition t = guard(CaseAction.REGISTER, actor);
        this.sla = deadlines.atRegistration(this);
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
    void resume(Actor actor, String note, Instant now, CaseDeadlines deadlines) {
        TransitionTable.Transition t = guard(CaseAction.RESUME, actor);
        this.sla = deadlines.resumed(sla, now);
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
    void reopen(Actor actor, String reason, Instant now, CaseDeadlines deadlines) {
        TransitionTable.Transition t = guard(CaseAction.REOPEN, actor);
        require(reason, "reason");
        this.sla = deadlines.forRework(sla, now);
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
     * 重复件随主件: the lead case this one was merged into has closed; this case takes its answer and its reporter is
     * told. A follow-on transition of the lead's close (MERGED stays MERGED), taken by whoever closed the lead.
     */
    void followLead(Actor actor, CaseFile lead, Instant now) {
        TransitionTable.FollowOn f = TransitionTable.followOn(TransitionTable.FollowOnKind.FOLLOW_LEAD, state);
        if (!Objects.equals(leadCaseId, lead.id()) || lead.state() != CaseState.CLOSED) {
            throw DomainException.conflict("case.transition.illegal", state.label(), tier.label(), "随主件结案", "无");
        }
        this.reply = lead.reply();
        CaseState from = state;
        state = f.to();
        updatedAt = now;
        lastActorId = actor.userId();
        pendingHistory.add(new HistoryDraft(HistoryKind.FOLLOW_LEAD, from, state, tier, lead.departmentId(),
                actor.userId(), actor.name(), null, "主件 " + lead.code() + " 已结案：" + (lead.reply() == null ? ""
                : lead.reply()), List.of(), now));
        Facts facts = new Facts(id, intake.code(), intake.title(), intake.channel(), state, tier, lead.departmentId(),
                intake.regionId(), actor.userId(), now);
        pendingEvents.add(new CaseEvent.CaseClosed(facts));
        if (intake.reporter().phoneEncrypted() != null) {
            pendingEvents.add(new CaseEvent.CitizenToBeTold(facts));
        }
    }

    /**
     * 回访评价. 不满意 reopens the case once (重办); a second 不满意 ends the revisit and goes to the leader.
     */
    void revisit(Actor actor, Satisfaction rating, String comment, Instant now, CaseDeadlines deadlines) {
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
            TransitionTable.FollowOn rework = TransitionTable.followOn(TransitionTable.FollowOnKind.REWORK_ON_REVISIT, state);
            unsatisfiedCount++;
            reworkCount++;
            CaseState from = state;
            state = rework.to();
            sla = deadlines.forRework(sla, now);
            record(HistoryKind.REVISIT, from, actor, primaryRole(actor, t), note, List.of(), now);
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
}
