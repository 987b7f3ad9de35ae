package cn.huying.region.internal;

import cn.huying.region.DedicatedKind;
import cn.huying.region.RegionRef;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;

/** A row of table {@code region} without its boundary text. */
record RegionRow(long id, String code, String name, String abbr, RegionType type, DedicatedKind dedicatedKind,
                 Long parentId, String path, int depth, Integer households, Integer population, boolean retired,
                 boolean hasBoundary, long version) {

    RegionView view() {
        return new RegionView(id, code, name, abbr, type, type.label(), dedicatedKind, parentId, path, depth, households,
                population, retired, hasBoundary);
    }

    RegionRef ref() {
        return new RegionRef(id, code, name, type);
    }
}
