package cn.huying.hotline.internal;

import cn.huying.cases.CaseEvent;

/** What the hotline hears about a case it transferred; one message per step. */
public enum HotlineMessageType {
    /** 签收 — the department signed for the case. */
    ACCEPTED("签收"),
    /** 首次联系 — the handler reached the citizen (12345: within 1 working day). */
    FIRST_CONTACT("首次联系"),
    /** 答复 — the handler's answer (处置反馈). */
    REPLIED("答复"),
    /** 延期 — an extension was decided (approved with the new deadline, or refused). */
    EXTENSION("延期"),
    /** 回退 — the department returned the case as out of its scope. */
    RETURNED("回退"),
    /** 不予受理 — the town refused the order, with the reason. */
    REJECTED("不予受理"),
    /** 办结 — the case is closed with its final answer. */
    CLOSED("办结"),
    /** 回访 — the citizen's rating at the revisit. */
    REVISITED("回访评价");

    private final String label;

    HotlineMessageType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The message a case event makes, or {@code null} when the hotline need not hear of it. */
    static HotlineMessageType of(CaseEvent event) {
        if (event instanceof CaseEvent.CaseAccepted) {
            return ACCEPTED;
        }
        if (event instanceof CaseEvent.CaseFirstContacted) {
            return FIRST_CONTACT;
        }
        if (event instanceof CaseEvent.CaseResolved) {
            return REPLIED;
        }
        if (event instanceof CaseEvent.CaseExtensionDecided) {
            return EXTENSION;
        }
        if (event instanceof CaseEvent.CaseReturned) {
            return RETURNED;
        }
        if (event instanceof CaseEvent.CaseRejected) {
            return REJECTED;
        }
        if (event instanceof CaseEvent.CaseClosed) {
            return CLOSED;
        }
        if (event instanceof CaseEvent.CaseRevisited) {
            return REVISITED;
        }
        return null;
    }
}
