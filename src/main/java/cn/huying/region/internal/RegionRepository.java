package cn.huying.region.internal;

import cn.huying.region.DedicatedKind;
import cn.huying.region.RegionType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQL for the region tree. Scope always arrives as a bound {@code path LIKE ?} pattern.
 *
 * <p>Rows by id are cached: every case intake and action reads its region (name, path, town) and
 * the tree changes a few times a year. Any write here empties the cache at once and again when its
 * transaction ends (so a rolled-back change is not remembered); another node sees a change within
 * {@link #ROW_TTL}, like the path cache of {@link RegionService}.
 */
@Repository
class RegionRepository {

    static final String COLUMNS = "id, code, name, abbr, type, dedicated_kind, parent_id, path, depth, households,"
            + " population, retired, boundary IS NOT NULL AS has_boundary, version";

    static final Duration ROW_TTL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Cache<Long, Optional<RegionRow>> rows = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(ROW_TTL).build();

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets cached rows now and, inside a transaction, once more when it commits or rolls back. */
    private void changed() {
        rows.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    rows.invalidateAll();
                }
            });
        }
    }

    static RegionRow map(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("dedicated_kind");
        return new RegionRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("abbr"),
                RegionType.valueOf(rs.getString("type")), kind == null ? null : DedicatedKind.valueOf(kind),
                rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getInt("depth"),
                rs.getObject("households", Integer.class), rs.getObject("population", Integer.class),
                rs.getBoolean("retired"), rs.getBoolean("has_boundary"), rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** How many regions and the latest change: any region added, edited or moved changes it. */
    String treeMark() {
        return jdbc.sql("SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM region")
                .query((rs, i) -> rs.getLong("n") + "@" + java.util.Optional.ofNullable(
                        rs.getObject("at", OffsetDateTime.class)).map(t -> t.toInstant().toString()).orElse("-"))
                .single();
    }

    Optional<RegionRow> find(long id) {
        return rows.get(id, k -> jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE id = ?").param(k)
                .query(RegionRepository::map).optional());
    }

    Optional<RegionRow> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code = ?").param(code).query(RegionRepository::map)
                .optional();
    }

    Optional<String> pathOf(long id) {
        return jdbc.sql("SELECT path FROM region WHERE id = ?").param(id).query(String.class).optional();
    }

    List<RegionRow> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Optional<RegionRow>> found = rows.getAll(ids, this::load);
        List<RegionRow> out = new ArrayList<>();
        for (Long id : ids) {
            Optional<RegionRow> row = found.get(id);
            if (row != null) {
                row.ifPresent(out::add);
            }
        }
        return out;
    }

    private Map<Long, Optional<RegionRow>> load(Set<? extends Long> ids) {
        Map<Long, Optional<RegionRow>> out = new HashMap<>();
        ids.forEach(id -> out.put(id, Optional.empty()));
        jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE id IN (:ids)").param("ids", List.copyOf(ids))
                .query(RegionRepository::map).list().forEach(r -> out.put(r.id(), Optional.of(r)));
        return out;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM region WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    List<RegionRow> page(String scopeLike, Long parentId, RegionType type, String q, boolean includeRetired, int limit,
                         int offset) {
        List<Object> params = new ArrayList<>();
        String where = filter(scopeLike, parentId, type, q, includeRetired, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM region " + where + " ORDER BY path LIMIT ? OFFSET ?")
                .params(params).query(RegionRepository::map).list();
    }

    long count(String scopeLike, Long parentId, RegionType type, String q, boolean includeRetired) {
        List<Object> params = new ArrayList<>();
        String where = filter(scopeLike, parentId, type, q, includeRetired, params);
        return jdbc.sql("SELECT COUNT(*) FROM region " + where).params(params).query(Long.class).single();
    }

    private static String filter(String scopeLike, Long parentId, RegionType type, String q, boolean includeRetired,
                                 List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE path LIKE ?");
        params.add(scopeLike);
        if (parentId != null) {
            where.append(" AND parent_id = ?");
            params.add(parentId);
        }
        if (type != null) {
            where.append(" AND type = ?");
            params.add(type.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (name LIKE ? OR code LIKE ?)");
            String like = "%" + q.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (!includeRetired) {
            where.append(" AND retired = FALSE");
        }
        return where.toString();
    }

    List<RegionRow> children(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE parent_id = ? ORDER BY code")
                .param(parentId).query(RegionRepository::map).list();
    }

    long countChildren(long parentId, boolean activeOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM region WHERE parent_id = ?" + (activeOnly ? " AND retired = FALSE" : ""))
                .param(parentId).query(Long.class).single();
    }

    Map<RegionType, Long> countSubtreeByType(String path) {
        Map<RegionType, Long> counts = new EnumMap<>(RegionType.class);
        jdbc.sql("""
                SELECT type, COUNT(*) FROM region
                WHERE path LIKE ? AND path <> ? AND retired = FALSE GROUP BY type""")
                .params(path + "%", path)
                .query(rs -> {
                    counts.put(RegionType.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    Optional<String> boundary(long id) {
        return jdbc.sql("SELECT boundary FROM region WHERE id = ? AND boundary IS NOT NULL").param(id)
                .query(String.class).optional();
    }

    /** id, name, code, type and boundary of the active regions of a type in a subtree. */
    List<Map<String, Object>> boundaries(String pathLike, RegionType type) {
        return jdbc.sql("""
                SELECT id, code, name, type, parent_id, boundary FROM region
                WHERE path LIKE ? AND type = ? AND retired = FALSE AND boundary IS NOT NULL ORDER BY id""")
                .params(pathLike, type.name()).query().listOfRows();
    }

    /** All active grids with boundaries, for the point-in-grid index. */
    void forEachGridBoundary(GridConsumer consumer) {
        jdbc.sql("""
                SELECT id, type, parent_id, boundary FROM region
                WHERE type IN ('BASIC_GRID', 'UNIT_GRID', 'DEDICATED_GRID') AND retired = FALSE AND boundary IS NOT NULL""")
                .query(rs -> {
                    consumer.accept(rs.getLong(1), RegionType.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                            rs.getString(4));
                });
    }

    /** A cheap fingerprint of the grid boundaries: changes whenever a grid is added, changed, moved or retired. */
    String gridFingerprint() {
        return jdbc.sql("""
                SELECT COUNT(*) || ':' || COALESCE(SUM(version), 0) || ':' || COALESCE(MAX(id), 0) FROM region
                WHERE type IN ('BASIC_GRID', 'UNIT_GRID', 'DEDICATED_GRID')""")
                .query(String.class).single();
    }

    interface GridConsumer {
        void accept(long id, RegionType type, Long parentId, String boundary);
    }

    record Bbox(double minLat, double minLng, double maxLat, double maxLng) {
    }

    long insert(String code, String name, String abbr, RegionType type, DedicatedKind kind, Long parentId,
                String boundary, Bbox bbox, Integer households, Integer population, Instant now) {
        changed();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO region (code, name, abbr, type, dedicated_kind, parent_id, path, depth, boundary,
                                    min_lat, min_lng, max_lat, max_lng, households, population, retired, version,
                                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, '/', 0, ?, ?, ?, ?, ?, ?, ?, FALSE, 0, ?, ?)""")
                .params(code, name, abbr, type.name(), kind == null ? null : kind.name(), parentId, boundary,
                        bbox == null ? null : bbox.minLat(), bbox == null ? null : bbox.minLng(),
                        bbox == null ? null : bbox.maxLat(), bbox == null ? null : bbox.maxLng(),
                        households, population, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setPath(long id, String path, int depth) {
        changed();
        jdbc.sql("UPDATE region SET path = ?, depth = ? WHERE id = ?").params(path, depth, id).update();
    }

    int update(long id, String name, String abbr, String boundary, Bbox bbox, Integer households, Integer population,
               Instant now) {
        changed();
        return jdbc.sql("""
                UPDATE region SET name = ?, abbr = ?, boundary = ?, min_lat = ?, min_lng = ?, max_lat = ?, max_lng = ?,
                       households = ?, population = ?, version = version + 1, updated_at = ?
                WHERE id = ?""")
                .params(name, abbr, boundary, bbox == null ? null : bbox.minLat(), bbox == null ? null : bbox.minLng(),
                        bbox == null ? null : bbox.maxLat(), bbox == null ? null : bbox.maxLng(), households,
                        population, utc(now), id)
                .update();
    }

    /** Re-roots a subtree: every path under {@code oldPath} now starts with {@code newPath}. */
    void movePaths(String oldPath, String newPath, int depthDelta, Instant now) {
        changed();
        jdbc.sql("""
                UPDATE region SET path = ? || SUBSTRING(path FROM ?), depth = depth + ?, version = version + 1,
                       updated_at = ?
                WHERE path LIKE ?""")
                .params(newPath, oldPath.length() + 1, depthDelta, utc(now), oldPath + "%")
                .update();
    }

    void setParent(long id, long parentId) {
        changed();
        jdbc.sql("UPDATE region SET parent_id = ? WHERE id = ?").params(parentId, id).update();
    }

    void retire(long id, Instant now) {
        changed();
        jdbc.sql("UPDATE region SET retired = TRUE, version = version + 1, updated_at = ? WHERE id = ?")
                .params(utc(now), id).update();
    }

    void delete(long id) {
        changed();
        jdbc.sql("DELETE FROM region WHERE id = ?").param(id).update();
    }

    long countDepartments(long regionId) {
        return jdbc.sql("SELECT COUNT(*) FROM department WHERE region_id = ?").param(regionId).query(Long.class).single();
    }
}
