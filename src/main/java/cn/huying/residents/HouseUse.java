package cn.huying.residents;

/** What a house is used for 房屋用途. */
public enum HouseUse {
    OWNER_OCCUPIED("自住"),
    RENTED("出租"),
    VACANT("空置"),
    BUSINESS("经营"),
    OTHER("其他");

    private final String label;

    HouseUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label (as typed in an import), else {@code null}. */
    public static HouseUse parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (HouseUse u : values()) {
            if (u.name().equalsIgnoreCase(t) || u.label.equals(t)) {
                return u;
            }
        }
        return null;
    }
}
