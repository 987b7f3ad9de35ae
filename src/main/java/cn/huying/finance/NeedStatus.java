package cn.huying.finance;

/** 融资需求状态 — DRAFT → PUBLISHED → MATCHING → CLOSED. */
public enum NeedStatus {
    /** 草稿 — written, not yet seen by banks. */
    DRAFT,
    /** 已发布 — banks may take it. */
    PUBLISHED,
    /** 对接中 — at least one bank serves it. */
    MATCHING,
    /** 已关闭 — see {@link CloseReason}. */
    CLOSED
}
