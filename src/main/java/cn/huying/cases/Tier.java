package cn.huying.cases;

/** The level that handles a case: 小事不出网格、大事不出村居、难事不出镇域. */
public enum Tier {
    /** 网格 — the grid worker. */
    GRID("网格"),
    /** 村居 — the village or community. */
    VILLAGE("村居"),
    /** 镇街 — the town command centre and its departments. */
    TOWN("镇街");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Tier next() {
        return this == GRID ? VILLAGE : TOWN;
    }

    public static Tier max(Tier a, Tier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
