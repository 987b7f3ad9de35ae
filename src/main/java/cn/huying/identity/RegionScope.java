package cn.huying.identity;

/**
 * A user's data scope 数据范围: every region whose materialized path starts with {@code pathPrefix}
 * (e.g. {@code /1/2/}), and for department handlers also their department.
 *
 * <p>Queries bind {@link #likePattern()} as a typed parameter ({@code r.path LIKE ?}); the
 * prefix only ever holds digits and slashes, so it cannot carry SQL or LIKE wildcards.
 */
public record RegionScope(String pathPrefix, Long departmentId) {

    /** Compiled once (before {@link #ALL} is made): a scope is made for every request that looks at cases. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("/(\\d+/)*");

    private static final RegionScope ALL = new RegionScope("/", null);

    public RegionScope {
        if (pathPrefix == null || !PATH.matcher(pathPrefix).matches()) {
            throw new IllegalArgumentException("region path prefix must look like /1/2/: " + pathPrefix);
        }
    }

    /** The whole region tree. */
    public static RegionScope all() {
        return ALL;
    }

    /** The pattern to bind to {@code path LIKE ?}. */
    public String likePattern() {
        return pathPrefix + "%";
    }

    public boolean unrestricted() {
        return "/".equals(pathPrefix);
    }

    /** Whether a region with the given materialized path lies inside this scope. */
    public boolean covers(String regionPath) {
        return regionPath != null && regionPath.startsWith(pathPrefix);
    }
}
