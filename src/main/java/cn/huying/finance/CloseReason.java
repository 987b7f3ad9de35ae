package cn.huying.finance;

/** Why a need closed. */
public enum CloseReason {
    /** 已放款 — a bank disbursed the loan. */
    PAID_OUT,
    /** 未成功 — the office closed it without a loan. */
    FAILED,
    /** 已撤回 — the enterprise withdrew it. */
    WITHDRAWN,
    /** 已过期. */
    EXPIRED
}
