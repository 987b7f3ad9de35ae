package cn.huying.cases;

import java.util.Set;

/**
 * States of a case, after GB/T 30428 (digital city management) merged with the 12345 work-order
 * loop: 受理、派单、签收、办理、答复、督办、办结、回访、评价.
 */
public enum CaseState {
    /** 上报 — reported, waiting at its tier. */
    REPORTED("已上报"),
    /** 立案/受理 — registered by the town command centre. */
    REGISTERED("已立案"),
    /** 不予受理 — rejected, with a reason. */
    REJECTED("不予受理"),
    /** 派遣 — dispatched to a department. */
    DISPATCHED("已派遣"),
    /** 签收 — accepted (signed for) by the department. */
    ACCEPTED("已签收"),
    /** 处置反馈/答复 — resolved, answer given. */
    RESOLVED("已办理"),
    /** 核查 — verified by the command centre. */
    VERIFIED("已核查"),
    /** 结案 — closed. */
    CLOSED("已结案"),
    /** 回访评价 — revisited and rated by the citizen. */
    REVISITED("已回访"),
    /** 回退 — returned by the department as out of its scope. */
    RETURNED("已回退"),
    /** 重办/返工 — reopened: verification failed or the citizen was unsatisfied. */
    REOPENED("重办"),
    /** 升级 — escalated to the next tier. */
    ESCALATED("已升级"),
    /** 移送 — transferred to a competent body (suspected crime, discipline); off the clock. */
    TRANSFERRED("已移送"),
    /** 挂账 — parked: cannot be solved now; kept in the problem ledger. */
    PARKED("挂账"),
    /** 重复件 — merged into a lead case, follows its outcome. */
    MERGED("已合并");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States in which nobody has anything left to do. */
    public static final Set<CaseState> FINISHED = Set.of(REJECTED, CLOSED, REVISITED, TRANSFERRED, MERGED);

    public boolean open() {
        return !FINISHED.contains(this);
    }
}
