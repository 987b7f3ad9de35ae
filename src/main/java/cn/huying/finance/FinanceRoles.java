package cn.huying.finance;

/** The finance module's own role; 企业 and 金融办 are identity's {@code Roles.ENTERPRISE} and {@code Roles.FINANCE_OFFICE}. */
public final class FinanceRoles {

    /** 银行 — a bank user (account manager 客户经理) bound to a head office or branch. */
    public static final String BANK = "BANK";

    private FinanceRoles() {
    }
}
