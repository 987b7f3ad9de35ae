package cn.huying.cases.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the indexer reads of the cases: a case's indexed columns from {@code case_file} and its region's path (kept
 * here, read again when a region is unknown or every 30 s to find the moved ones). The search package is part of the
 * cases module, so it reads the module's own tables.
 */
final class CaseRows {

    static final String COLUMNS = """
            SELECT c.id, c.code, c.title, c.description, c.state, c.kind, c.tier, c.department_id,
                   c.reporter_user_id, c.region_id, c.created_at, c.updated_at, c.version
            FROM case_file c""";

    private final JdbcClient jdbc;
    private final Map<Long, String> regionPaths = new ConcurrentHashMap<>();

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cases with an id above {@code afterId}, by id, at most {@code limit}. */
    List<SearchIndex.Doc> after(long afterId, int limit, RowHook hook) {
        return jdbc.sql(COLUMNS + " WHERE c.id > ? ORDER BY c.id LIMIT ?").params(afterId, limit)
                .query((rs, n) -> doc(rs, hook)).list();
    }

    /** The cases with these ids. */
    List<SearchIndex.Doc> byIds(List<Long> ids, RowHook hook) {
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql(COLUMNS + " WHERE c.id IN (" + marks + ")").params(new ArrayList<Object>(ids))
                .query((rs, n) -> doc(rs, hook)).list();
    }

    /** The cases of a region with an id above {@code afterId}, by id, at most {@code limit}. */
    List<SearchIndex.Doc> ofRegion(long regionId, long afterId, int limit) {
        return jdbc.sql(COLUMNS + " WHERE c.region_id = ? AND c.id > ? ORDER BY c.id LIMIT ?")
                .params(regionId, afterId, limit).query((rs, n) -> doc(rs, null)).list();
    }

    long countAfter(long afterId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE id > ?").param(afterId).query(Long.class).single();
    }

    /** A changed case: its id, version and time of change. */
    record Change(long id, long version, Instant updatedAt) {
    }

    /** Cases changed at or after {@code from}, in (updated_at, id) order after the case {@code afterId} of that time. */
    List<Change> changedSince(Instant from, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, version, updated_at FROM case_file
                WHERE updated_at >= ? AND (updated_at > ? OR id > ?)
                ORDER BY updated_at, id LIMIT ?""")
                .params(utc(from), utc(from), afterId, limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), instant(rs, "updated_at"))).list();
    }

    /** Whether the paths of the regions were read at least once (a moved region can be told then). */
    boolean knowsRegions() {
        return !regionPaths.isEmpty();
    }

    /** Reads every region's path again; returns the regions whose path changed since the last reading. */
    List<Long> movedRegions() {
        List<Long> moved = new ArrayList<>();
        jdbc.sql("SELECT id, path FROM region").query((rs, n) -> {
            String old = regionPaths.put(rs.getLong(1), rs.getString(2));
            if (old != null && !old.equals(rs.getString(2))) {
                moved.add(rs.getLong(1));
            }
            return null;
        }).list();
        return moved;
    }

    /** Told of each row read, with its version and time of change (the indexer remembers them). */
    interface RowHook {
        void read(long id, long version, Instant updatedAt);
    }

    private SearchIndex.Doc doc(ResultSet rs, RowHook hook) throws SQLException {
        long dept = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : dept;
        long rep = rs.getLong("reporter_user_id");
        Long reporter = rs.wasNull() ? null : rep;
        SearchIndex.Doc d = new SearchIndex.Doc(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getString("description"), rs.getString("state"), rs.getString("kind"), rs.getString("tier"),
                department, reporter, regionPath(rs.getLong("region_id")), instant(rs, "created_at"));
        if (hook != null) {
            hook.read(d.id(), rs.getLong("version"), instant(rs, "updated_at"));
        }
        return d;
    }

    private String regionPath(long regionId) {
        String path = regionPaths.get(regionId);
        if (path == null) {
            jdbc.sql("SELECT id, path FROM region").query((rs, n) -> regionPaths.put(rs.getLong(1), rs.getString(2)))
                    .list();
            path = regionPaths.get(regionId);
            if (path == null) {
                throw new IllegalStateException("no region " + regionId);
            }
        }
        return path;
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
