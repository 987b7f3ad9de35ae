package cn.huying.cases;

/** Where a request for an extension 延期申请 stands. Stored by name in {@code case_extension.status}. */
public enum ExtensionStatus {
    /** 待审批 */
    PENDING,
    /** 已批准: the deadline moved. */
    APPROVED,
    /** 未批准 */
    REFUSED
}
