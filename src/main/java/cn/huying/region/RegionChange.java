package cn.huying.region;

/** A partial update of a region: every {@code null} field is left as it is. */
public record RegionChange(String name, String abbr, String boundaryGeoJson, Integer households, Integer population) {
}
