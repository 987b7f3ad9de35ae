package cn.huying.region;

import java.util.Set;

/** Level of a region in the tree, with the parent levels it may hang under. */
public enum RegionType {
    /** 区县 — county or county-level city; the root of a tree. */
    COUNTY("区县"),
    /** 镇街 — town or street office. */
    TOWN("镇街"),
    /** 村居 — village or urban community. */
    VILLAGE("村居"),
    /** 基础网格 — basic grid. */
    BASIC_GRID("基础网格"),
    /** 基础单元网格 — unit grid, the smallest cell. */
    UNIT_GRID("基础单元网格"),
    /** 专属网格 — dedicated grid of an enterprise, school, hospital, market or park. */
    DEDICATED_GRID("专属网格");

    private final String label;

    RegionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The types a region of this type may have as its parent (empty: it is a root). */
    public Set<RegionType> allowedParents() {
        return switch (this) {
            case COUNTY -> Set.of();
            case TOWN -> Set.of(COUNTY);
            case VILLAGE -> Set.of(TOWN);
            case BASIC_GRID -> Set.of(VILLAGE);
            case UNIT_GRID -> Set.of(BASIC_GRID);
            case DEDICATED_GRID -> Set.of(TOWN, VILLAGE);
        };
    }

    public boolean isGrid() {
        return this == BASIC_GRID || this == UNIT_GRID || this == DEDICATED_GRID;
    }
}
