package cn.huying.region;

import java.util.List;

/**
 * Where a point lies: its unit grid and basic grid (found by geometry), their village and town,
 * and any dedicated grids that contain it. Any part may be {@code null} when no boundary covers it.
 */
public record GridLocation(double lat, double lng, RegionRef unitGrid, RegionRef basicGrid, RegionRef village,
                           RegionRef town, List<RegionRef> dedicatedGrids) {

    public GridLocation {
        dedicatedGrids = List.copyOf(dedicatedGrids);
    }

    /** The most precise grid found: unit grid, else basic grid, else a dedicated grid. */
    public RegionRef finestGrid() {
        if (unitGrid != null) {
            return unitGrid;
        }
        if (basicGrid != null) {
            return basicGrid;
        }
        return dedicatedGrids.isEmpty() ? null : dedicatedGrids.get(0);
    }

    public boolean found() {
        return finestGrid() != null;
    }
}
