package cn.huying.finance;

/** Permission strings of the finance module, granted through RoleGrant beans (see docs/finance.md). */
public final class FinancePermissions {

    /** An approved enterprise: its needs, waybills, consent, bills. */
    public static final String ENTERPRISE = "finance:enterprise";
    /** A bank user: needs to take, its pipeline, its products and quotes. */
    public static final String BANK = "finance:bank";
    /** The finance office: banks, assignments, settings, alerts, pools. */
    public static final String OFFICE = "finance:office";
    /** Statistics per bank and period (the office all banks, a bank its own). */
    public static final String STATS = "finance:stats:view";

    private FinancePermissions() {
    }
}
