package cn.huying.region;

/** What a dedicated grid 专属网格 covers. */
public enum DedicatedKind {
    ENTERPRISE("企业"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    MARKET("市场"),
    PARK("园区");

    private final String label;

    DedicatedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
