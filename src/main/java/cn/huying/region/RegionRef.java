package cn.huying.region;

/** A short reference to a region: id, code, name and type. */
public record RegionRef(long id, String code, String name, RegionType type) {
}
