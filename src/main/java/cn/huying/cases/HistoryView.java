package cn.huying.cases;

import java.time.Instant;
import java.util.List;

/** One entry of a case's history 办理记录, as it reads on the timeline. */
public record HistoryView(long id, String action, String actionLabel, CaseState fromState, CaseState toState,
                          String toStateLabel, Tier tier, Long departmentId, String departmentName, long actorId,
                          String actorName, String actorRole, String note, List<Long> attachmentIds, Instant at) {
}
