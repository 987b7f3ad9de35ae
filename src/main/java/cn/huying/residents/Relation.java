package cn.huying.residents;

/** Relation to the head of the household 与户主关系. */
public enum Relation {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    PARENT("父母"),
    GRANDCHILD("孙子女"),
    SIBLING("兄弟姐妹"),
    TENANT("租住"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Relation parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (Relation r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.label.equals(t)) {
                return r;
            }
        }
        return null;
    }
}
