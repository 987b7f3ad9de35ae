package cn.huying.cases;

import java.time.Instant;

/**
 * Facts about cases for the other modules, published on every transition through the Spring
 * Modulith event multicaster. Each event carries the case after the transition. Listeners that
 * write to the database join the case's transaction; listeners that reach outside it (text
 * messages, webhooks) run after the commit as {@code @ApplicationModuleListener}s, and the event
 * publication registry keeps their events until they are done.
 */
public sealed interface CaseEvent permits CaseEvent.CaseReported, CaseEvent.CaseRegistered, CaseEvent.CaseRejected,
        CaseEvent.CaseEscalated, CaseEvent.CaseDispatched, CaseEvent.CaseAccepted, CaseEvent.CaseReturned,
        CaseEvent.CaseResolved, CaseEvent.CaseVerified, CaseEvent.CaseClosed, CaseEvent.CaseReopened,
        CaseEvent.CaseMerged, CaseEvent.CaseTransferred, CaseEvent.CaseParked, CaseEvent.CaseResumed,
        CaseEvent.CaseRevisited, CaseEvent.CaseFirstContacted, CaseEvent.CaseExtensionRequested,
        CaseEvent.CaseExtensionDecided, CaseEvent.CaseProgressRecorded, CaseEvent.CaseDeadlineWarning,
        CaseEvent.SupervisionOrderIssued, CaseEvent.CitizenToBeTold, CaseEvent.CaseLoopReminder,
        CaseEvent.CaseLoopMissed, CaseEvent.SupervisionOrderOpened, CaseEvent.SupervisionOrderAnswered {

    /**
     * What every case event says: which case (with its title and the channel it came by, so a
     * listener can tell at once whether it concerns it), where it stands now, who did it and when.
     */
    record Facts(long caseId, String code, String title, Channel channel, CaseState state, Tier tier,
                 Long departmentId, long regionId, long actorId, Instant at) {
    }

    Facts facts();

    default long caseId() {
        return facts().caseId();
    }

    record CaseReported(Facts facts, Channel channel, long categoryId) implements CaseEvent {
    }

    record CaseRegistered(Facts facts) implements CaseEvent {
    }

    record CaseRejected(Facts facts, String reason) implements CaseEvent {
    }

    record CaseEscalated(Facts facts, Tier fromTier) implements CaseEvent {
    }

    record CaseDispatched(Facts facts, long departmentId, Long handlerId) implements CaseEvent {
    }

    record CaseAccepted(Facts facts, long handlerId) implements CaseEvent {
    }

    record CaseReturned(Facts facts, long fromDepartmentId, String reason) implements CaseEvent {
    }

    record CaseResolved(Facts facts, Tier resolvedTier, String reply) implements CaseEvent {
    }

    record CaseVerified(Facts facts) implements CaseEvent {
    }

    record CaseClosed(Facts facts) implements CaseEvent {
    }

    record CaseReopened(Facts facts, int reworkCount, String reason) implements CaseEvent {
    }

    record CaseMerged(Facts facts, long leadCaseId) implements CaseEvent {
    }

    record CaseTransferred(Facts facts, String reason, String receivingBody) implements CaseEvent {
    }

    record CaseParked(Facts facts, String reason) implements CaseEvent {
    }

    record CaseResumed(Facts facts) implements CaseEvent {
    }

    /** @param needsLeader a second 不满意: the case goes to the leader */
    record CaseRevisited(Facts facts, Satisfaction satisfaction, boolean needsLeader) implements CaseEvent {
    }

    /** 首次联系: the handler reached the citizen (12345: within 1 working day). */
    record CaseFirstContacted(Facts facts, String note) implements CaseEvent {
    }

    /** 申请延期: a handler asks for more working days, before the deadline. */
    record CaseExtensionRequested(Facts facts, long extensionId, int workingDays, String reason) implements CaseEvent {
    }

    /** 延期审批: approved (with the new deadline) or refused by a dispatcher or leader. */
    record CaseExtensionDecided(Facts facts, long extensionId, boolean approved, Instant newDueAt, String note)
            implements CaseEvent {
    }

    /** 阶段性进展: not done in time; the citizen is told the reason, next steps and a new date. */
    record CaseProgressRecorded(Facts facts, String reason, String nextSteps, java.time.LocalDate promisedDate)
            implements CaseEvent {
    }

    /** A deadline light changed: YELLOW one working day before the deadline, RED once it has passed. */
    record CaseDeadlineWarning(Facts facts, Light light, Instant dueAt) implements CaseEvent {
    }

    /** 督办单: issued once when a case turns red, to its handler and their leader. */
    record SupervisionOrderIssued(Facts facts, long orderId, Instant dueAt, Long handlerId) implements CaseEvent {
    }

    /**
     * The case has an answer the citizen who asked must be told of (closed, or closed with its lead
     * case): published only for cases with a citizen's phone, so that cases reported by staff cost
     * no event publication.
     */
    record CitizenToBeTold(Facts facts) implements CaseEvent {
    }

    /**
     * A deadline of the service loop is near: first contact 首次联系, revisit 回访, the date promised with staged
     * progress, or the time a case may sit at its tier. {@code kind} is the {@code case_watch} kind.
     */
    record CaseLoopReminder(Facts facts, String kind, Instant dueAt) implements CaseEvent {
    }

    /** A deadline of the service loop passed unmet (a missed revisit goes to the ledger of missed revisits). */
    record CaseLoopMissed(Facts facts, String kind, Instant dueAt) implements CaseEvent {
    }

    /**
     * A supervision order other than the completion deadline's: a missed first contact or promised date, or a
     * leader's own order; {@code title} is what the department is told.
     */
    record SupervisionOrderOpened(Facts facts, long orderId, String kind, String title, Long handlerId)
            implements CaseEvent {
    }

    /** The department answered a supervision order; the leader who opened it is told. */
    record SupervisionOrderAnswered(Facts facts, long orderId, Long openedBy, String answer) implements CaseEvent {
    }
}
