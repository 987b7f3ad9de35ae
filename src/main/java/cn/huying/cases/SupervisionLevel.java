package cn.huying.cases;

/** How hard a leader presses a case (the seed's 综合督办、顶格推进、重点攻坚). */
public enum SupervisionLevel {
    /** 综合督办 — general supervision. */
    GENERAL("综合督办"),
    /** 顶格推进 — pushed by the top leader in person. */
    TOP("顶格推进"),
    /** 重点攻坚 — a hard case taken on as a priority. */
    PRIORITY("重点攻坚");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
