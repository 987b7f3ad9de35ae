package cn.huying.cases;

/** Kinds of case. */
public enum CaseKind {
    /** 矛盾纠纷 */
    DISPUTE("矛盾纠纷"),
    /** 安全隐患 */
    SAFETY_HAZARD("安全隐患"),
    /** 民生服务 */
    LIVELIHOOD("民生服务"),
    /** 群众诉求 — consultation, help, complaint, suggestion, report (咨询/求助/投诉/建议/举报). */
    CITIZEN_REQUEST("群众诉求"),
    /** 城市管理 */
    URBAN_MANAGEMENT("城市管理");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
