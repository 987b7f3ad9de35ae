package cn.huying.cases;

/** How urgent a case is. */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急"),
    /** 应急突发 — due the same day. */
    EMERGENCY("应急突发");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
