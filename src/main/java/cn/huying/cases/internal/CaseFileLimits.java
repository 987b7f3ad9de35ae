package cn.huying.cases.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.ExtensionStatus;
import cn.huying.cases.Light;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The case aggregate's verbs around its time limits, which change no state: first contact 首次联系, extensions 延期
 * (request and decision, kept as parts of the case: {@link CasePart}), staged progress 阶段性进展, the hand-off's
 * clock steps, and the lights and recomputed deadlines of the sweeps. Only {@link CaseFile} extends it.
 */
public abstract sealed class CaseFileLimits extends CaseFileBase permits CaseFile {

    private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    CaseFileLimits(Intake intake, Instant createdAt) {
        super(intake, createdAt);
    }

    /** 首次联系: the citizen was reached. Once per case, while it is with a department. */
    void firstContact(Actor actor, String note, Instant now) {
        if (sla.firstContactedAt() != null) {
            throw DomainException.conflict("case.first-contact.done");
        }
        requireWithDepartment(actor, "首次联系");
        this.sla = sla.withFirstContact(now);
        record(HistoryKind.FIRST_CONTACT, state, actor, null, note, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseFirstContacted(facts(now), note));
    }

    /** The working days of extension this case may still ask for, of {@code maxDays} in all. */
    int extensionDaysLeft(int maxDays) {
        return maxDays - sla.extensionDays();
    }

    /**
     * 申请延期: before the deadline, by the department handling it, one request at a time, within the days left of
     * {@code maxDays}. The request is a part of the case ({@link CasePart.ExtensionRequest}), stored with the step.
     *
     * @param pending whether a request of this case is still waiting for a decision
     */
    void requestExtension(Actor actor, int workingDays, String reason, int maxDays, boolean pending, Instant now) {
        if (workingDays < 1 || workingDays > extensionDaysLeft(maxDays)) {
            throw DomainException.conflict("case.extension.exhausted", maxDays);
        }
        if (sla.dueAt() == null) {
            throw DomainException.conflict("case.sla.not-registered");
        }
        if (pending) {
            throw DomainException.conflict("case.extension.pending");
        }
        requireWithDepartment(actor, "申请延期");
        if (!now.isBefore(sla.dueAt())) {
            throw DomainException.conflict("case.extension.after-deadline");
        }
        pendingParts.add(new CasePart.ExtensionRequest(workingDays, reason, actor.userId(), now, sla.dueAt()));
        record(HistoryKind.EXTENSION_REQUEST, state, actor, null, "申请延期 " + workingDays + " 个工作日：" + reason, List.of(), now);
        // the request's id is known once it is stored: drainEvents puts it in
        pendingEvents.add(new CaseEvent.CaseExtensionRequested(facts(now), 0, workingDays, reason));
    }

    /**
     * 延期审批: an approval moves the deadline by the working days asked for, counted by the {@link CaseDeadlines}
     * port (the new deadline goes into the history); a refusal leaves it.
     */
    void decideExtension(Actor actor, CasePart.PendingExtension request, boolean approved, String note, Instant now,
                         CaseDeadlines deadlines) {
        if (request.caseId() != id) {
            throw DomainException.notFound("case.extension.not-found", request.id());
        }
        if (request.status() != ExtensionStatus.PENDING) {
            throw DomainException.conflict("case.extension.decided", request.id());
        }
        String remark = note == null || note.isBlank() ? null : note.strip();
        String summary;
        if (approved) {
            this.sla = deadlines.extended(sla, request.workingDays());
            summary = "批准延期 " + request.workingDays() + " 个工作日，新的办结时限："
                    + DUE_TEXT.format(sla.dueAt().atZone(deadlines.zone())) + (remark == null ? "" : "（" + remark + "）");
        } else {
            summary = "不同意延期" + (remark == null ? "" : "：" + remark);
        }
        pendingParts.add(new CasePart.ExtensionDecision(request.id(), approved, actor.userId(), now, note,
                approved ? sla.dueAt() : null));
        record(approved ? HistoryKind.EXTENSION_APPROVED : HistoryKind.EXTENSION_REFUSED, state, actor, null, summary, List.of(), now);
        pendingEvents.add(new CaseEvent.CaseExtensionDecided(facts(now), request.id(), approved,
                approved ? sla.dueAt() : null, note));
    }

    /** 阶段性进展: past the deadline and not done; the reason, next steps and a new date for the citizen. */
    void recordProgress(Actor actor, String reason, String nextSteps, LocalDate promised, Instant now) {
        if (sla.dueAt() == null || now.isBefore(sla.dueAt())) {
            throw DomainException.conflict("case.progress.not-overdue");
        }
        requireWithDepartment(actor, "反馈阶段性进展");
        this.sla = sla.withProgress(now);
        pendingParts.add(new CasePart.ProgressReport(reason, nextSteps, promised, actor.userId(), now));
        record(HistoryKind.PROGRESS, state, actor, null, "原因：" + reason + "；下一步：" + nextSteps + "；预计办结：" + promised,
                List.of(), now);
        pendingEvents.add(new CaseEvent.CaseProgressRecorded(facts(now), reason, nextSteps, promised));
    }

    /**
     * A step of the case hand-off ({@link cn.huying.cases.CaseHandOff}) that is not a transition: the claim, the
     * module's progress, the clock stopped or running again. History only, and the time limits it brings.
     */
    void handOff(HistoryKind action, Actor actor, String note, Sla limits, Instant now) {
        this.sla = limits;
        record(action, state, actor, null, note, List.of(), now);
    }

    /** The sweep saw a light change: YELLOW (level 1) or RED (level 2). */
    void deadlineLight(int level, Instant next, Actor system, Instant now) {
        this.sla = sla.withLevel(level, next);
        Light light = level >= 2 ? Light.RED : Light.YELLOW;
        record(level >= 2 ? HistoryKind.DEADLINE_RED : HistoryKind.DEADLINE_YELLOW, state, system, null,
                level >= 2 ? "已超过办结时限，红灯督办" : "距办结时限不足一个工作日，黄灯预警", List.of(), now);
        pendingEvents.add(new CaseEvent.CaseDeadlineWarning(facts(now), light, sla.dueAt()));
    }

    /** New deadlines after a holiday notice replaced assumed days; the lights are watched afresh. */
    void deadlinesRecomputed(Sla fresh, Actor system, String note, Instant now) {
        this.sla = new Sla(fresh.receivedAt(), fresh.externalDueAt(), fresh.ruleVersion(), fresh.ruleId(),
                fresh.firstContactDueAt(), sla.firstContactedAt(), fresh.dueAt(), fresh.assumed(), fresh.extensionDays(),
                fresh.yellowAt(), fresh.redAt(), 0, fresh.yellowAt(), null, fresh.progressDueAt(), sla.lastProgressAt());
        record(HistoryKind.DEADLINE_RECOMPUTED, state, system, null, note, List.of(), now);
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
}
