package cn.huying.cases.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change to one of the case's parts that live in tables of their own: extension requests 延期申请 and their
 * decisions, staged progress reports 阶段性进展. A verb of {@link CaseFile} records it beside its history entry;
 * {@link CaseRepository#save} writes it in the same transaction, after the case row's version check, so a refused
 * save writes none of it — nothing else inserts or updates these rows (the demo town's bulk load aside).
 */
sealed interface CasePart {

    /** A new extension request, pending until a dispatcher or leader decides it; its id is known once stored. */
    record ExtensionRequest(int workingDays, String reason, long requestedBy, Instant at, Instant oldDueAt)
            implements CasePart {
    }

    /** The decision on a pending request: approved (with the new deadline) or refused. */
    record ExtensionDecision(long extensionId, boolean approved, long decidedBy, Instant at, String note,
                             Instant newDueAt) implements CasePart {
    }

    /** A staged progress report: why it is not done, the next steps, the date promised to the citizen. */
    record ProgressReport(String reason, String nextSteps, LocalDate promisedDate, long recordedBy, Instant at)
            implements CasePart {
    }

    /** A request of this case as the aggregate needs it to decide (read from {@code case_extension}). */
    record PendingExtension(long id, long caseId, int workingDays, cn.huying.cases.ExtensionStatus status) {
    }
}
