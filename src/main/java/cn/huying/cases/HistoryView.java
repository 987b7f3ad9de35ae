package cn.huying.cases;

import java.time.Instant;
import java.util.List;

/** One entry of a case's history 办理记录, as it reads on the timeline. */
public record HistoryView(long id, String action, String actionLabel, CaseState fromState, CaseState toState,
                          String toStateLabel, Tier tier, Long departmentId, String departmentName, long actorId,
                          String actorName, String actorRole, String note, List<Long> attachmentIds, Instant at) {

    /**
     * What a citizen 群众 sees of this entry, in the API and on the portal alike: when, what and the state it led
     * to; the note only of a staged progress report 阶段性答复 (written for the citizen), the department only where
     * the case was sent; never the names or roles of staff, their notes or attachments.
     */
    public HistoryView asSeenByCitizen() {
        boolean sent = "DISPATCH".equals(action);
        return new HistoryView(id, action, actionLabel, fromState, toState, toStateLabel, tier,
                sent ? departmentId : null, sent ? departmentName : null, 0, null, null,
                "PROGRESS".equals(action) ? note : null, List.of(), at);
    }
}
