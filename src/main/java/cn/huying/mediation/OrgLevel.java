package cn.huying.mediation;

/** 镇、村、企 三位一体: the level of a mediation organisation. */
public enum OrgLevel {
    /** 镇 — the town's social-governance service centre 综治中心 (and the court, the police station). */
    TOWN("镇级"),
    /** 村 — a village's mediation committee 村调委会. */
    VILLAGE("村级"),
    /** 企 — the industrial park's mediation room 园区调解室. */
    PARK("园区（企）");

    private final String label;

    OrgLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
