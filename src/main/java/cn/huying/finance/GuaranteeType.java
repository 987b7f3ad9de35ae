package cn.huying.finance;

/** 担保方式 of a need or product. */
public enum GuaranteeType {
    /** 信用 — no collateral. */
    CREDIT,
    /** 抵押. */
    MORTGAGE,
    /** 质押 (receivables, waybills, bills). */
    PLEDGE,
    /** 保证 — a guarantor or the guarantee pool. */
    GUARANTEE
}
