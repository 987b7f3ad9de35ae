package cn.huying.residents;

/** How a person lives in the house: registered resident 户籍/常住, tenant 租户, floating population 流动人口. */
public enum ResidentKind {
    REGISTERED("常住"),
    TENANT("租户"),
    FLOATING("流动人口");

    private final String label;

    ResidentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Tenants and the floating population carry a registration (居住登记) with an expiry. */
    public boolean registers() {
        return this != REGISTERED;
    }

    public static ResidentKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (ResidentKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.label.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
