package cn.huying.region;

/**
 * A region to create. {@code boundaryGeoJson} is a GeoJSON Polygon or MultiPolygon geometry
 * (longitude, latitude in WGS 84), optional.
 */
public record NewRegion(String code, String name, String abbr, RegionType type, DedicatedKind dedicatedKind,
                        Long parentId, String boundaryGeoJson, Integer households, Integer population) {
}
