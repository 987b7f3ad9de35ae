package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;

/**
 * What a history entry 全程留痕 records: a transition (named as its {@link CaseAction}), or a step that is not one
 * (the report, a time-limit event, a hand-off step, a note of the sweeps and of supervision). Stored by name in
 * {@code case_history.action}.
 */
enum HistoryKind {
    // the transitions, one per CaseAction (same names)
    RESOLVE_ON_SPOT, ESCALATE, REGISTER, REJECT, DISPATCH, ACCEPT, RETURN, RESOLVE, VERIFY, CLOSE, REOPEN, MERGE,
    TRANSFER, PARK, RESUME, REVISIT,
    /** The report itself. */
    REPORT,
    /** 越级直报: a grid worker's report goes straight to the town. */
    SKIP_TO_TOWN,
    /** 重复件随主件: the lead case closed, the merged one takes its answer. */
    FOLLOW_LEAD,
    FIRST_CONTACT, EXTENSION_REQUEST, EXTENSION_APPROVED, EXTENSION_REFUSED, PROGRESS,
    HANDOFF_CLAIM, HANDOFF_PROGRESS, HANDOFF_RESOLVE, HANDOFF_DECLINE,
    DEADLINE_YELLOW, DEADLINE_RED, DEADLINE_RECOMPUTED,
    // notes of the service-loop sweep and of supervision: the case's version stays
    SUPERVISION_FIRST_CONTACT, SUPERVISION_PROGRESS, SUPERVISION_LEADER, SUPERVISION_ANSWERED, REVISIT_MISSED,
    TIER_TIME_UP;

    static HistoryKind of(CaseAction action) {
        return valueOf(action.name());
    }
}
