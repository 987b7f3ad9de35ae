package cn.huying.region;

/** Kinds of functional department 职能部门 that cases are dispatched to. */
public enum DepartmentKind {
    /** 综治办 / 社会治理服务中心 — comprehensive governance office and the town's service centre. */
    GOVERNANCE("综治办/社会治理服务中心"),
    /** 司法所 — justice office (mediation, legal aid). */
    JUSTICE("司法所"),
    /** 派出所 — police station. */
    POLICE("派出所"),
    /** 人民法庭 — people's tribunal (court linkage). */
    COURT("人民法庭"),
    /** 信访办 — letters and visits (petition) office. */
    PETITION("信访办"),
    /** 物业办 — property management office. */
    PROPERTY("物业办"),
    /** 城管 — urban management. */
    URBAN_MANAGEMENT("城管"),
    /** 交通运输局 — transport bureau. */
    TRANSPORT("交通运输局"),
    /** 市场监管所 — market regulation office. */
    MARKET_REGULATION("市场监管所"),
    /** 应急办 — emergency management office. */
    EMERGENCY("应急办"),
    OTHER("其他");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
