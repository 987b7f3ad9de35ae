package cn.huying.region;

/**
 * A region as other modules and API clients see it.
 *
 * @param path materialized path of ids from the root, e.g. {@code /1/2/17/}
 */
public record RegionView(long id, String code, String name, String abbr, RegionType type, String typeLabel,
                         DedicatedKind dedicatedKind, Long parentId, String path, int depth, Integer households,
                         Integer population, boolean retired, boolean hasBoundary) {
}
