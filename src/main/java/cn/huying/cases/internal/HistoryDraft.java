package cn.huying.cases.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import java.time.Instant;
import java.util.List;

/**
 * A history entry 全程留痕 not yet written: one per transition. Its time is kept to the microsecond, as the databases
 * store it, so that the entry's seal ({@link HistoryChain}) is computed over exactly what is stored.
 */
record HistoryDraft(HistoryKind action, CaseState fromState, CaseState toState, Tier tier, Long departmentId, long actorId,
                    String actorName, String actorRole, String note, List<Long> attachmentIds, Instant at) {

    HistoryDraft {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        at = at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
