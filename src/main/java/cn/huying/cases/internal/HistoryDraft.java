package cn.huying.cases.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import java.time.Instant;
import java.util.List;

/** A history entry 全程留痕 not yet written: one per transition. */
record HistoryDraft(HistoryKind action, CaseState fromState, CaseState toState, Tier tier, Long departmentId, long actorId,
                    String actorName, String actorRole, String note, List<Long> attachmentIds, Instant at) {

    HistoryDraft {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
