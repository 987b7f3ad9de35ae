package cn.huying.identity;

/** Published when the finance office approves an enterprise's registration. */
public record EnterpriseApproved(long enterpriseId, String creditCode, String name) {
}
