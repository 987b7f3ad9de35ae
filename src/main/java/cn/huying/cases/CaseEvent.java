package cn.huying.cases;

import java.time.Instant;

/**
 * Facts about cases for the other modules, published on every transition through the Spring
 * Modulith event publication registry. Each event carries the case after the transition.
 */
public sealed interface CaseEvent permits CaseEvent.CaseReported, CaseEvent.CaseRegistered, CaseEvent.CaseRejected,
        CaseEvent.CaseEscalated, CaseEvent.CaseDispatched, CaseEvent.CaseAccepted, CaseEvent.CaseReturned,
        CaseEvent.CaseResolved, CaseEvent.CaseVerified, CaseEvent.CaseClosed, CaseEvent.CaseReopened,
        CaseEvent.CaseMerged, CaseEvent.CaseTransferred, CaseEvent.CaseParked, CaseEvent.CaseResumed,
        CaseEvent.CaseRevisited {

    /** What every case event says: which case, where it stands now, who did it and when. */
    record Facts(long caseId, String code, CaseState state, Tier tier, Long departmentId, long regionId,
                 long actorId, Instant at) {
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

    record CaseTransferred(Facts facts, String reason) implements CaseEvent {
    }

    record CaseParked(Facts facts, String reason) implements CaseEvent {
    }

    record CaseResumed(Facts facts) implements CaseEvent {
    }

    /** @param needsLeader a second 不满意: the case goes to the leader */
    record CaseRevisited(Facts facts, Satisfaction satisfaction, boolean needsLeader) implements CaseEvent {
    }
}
