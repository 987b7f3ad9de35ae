package cn.huying.cases.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.Channel;
import cn.huying.cases.HistoryView;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.RegionPathLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read queries of cases for the case list and search page ({@code /api/cases}, {@code /cases}) and for intake's
 * duplicate search; the history is {@link HistoryReads}'. The data scope is part of the SQL: a join on the region's
 * path with a bound {@code LIKE} pattern, and bound department / reporter ids. The screens' read side (work queues,
 * ledgers, overview, map) is analytics', over the published views.
 */
@Repository
class CaseQueries {

    /** A nearby open case for duplicate detection. */
    record Nearby(long id, String code, String title, CaseState state, double lat, double lng, Instant createdAt,
                  String description) {
    }

    private final JdbcClient jdbc;
    private final boolean h2;
    private final RegionPathLookup paths;
    private final HistoryReads history;

    CaseQueries(JdbcClient jdbc, javax.sql.DataSource dataSource, RegionPathLookup paths, HistoryReads history) {
        this.jdbc = jdbc;
        this.history = history;
        this.h2 = !CaseRows.isPostgres(dataSource);
        this.paths = paths;
    }

    /**
     * H2 joins a town's regions first and sorts all of the town's cases for a page of the newest
     * (6 s at a million cases); told to, it walks {@code ix_case_file_created} backwards and stops after
     * the page (a few ms). Only for lists by region alone: with a department, a reporter or words, the
     * matching cases can be too few for that walk. PostgreSQL chooses that walk itself.
     */
    private String newestFirstHint(CaseQuery q, CaseScope scope) {
        boolean byRegionAlone = scope.byRegionAlone() && q.departmentId() == null && (q.q() == null || q.q().isBlank());
        return h2 && byRegionAlone ? " USE INDEX (ix_case_file_created)" : "";
    }

    private static String filters(CaseQuery q, String regionPathLike, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (q.state() != null) {
            where.append(" AND c.state = ?");
            params.add(q.state().name());
        }
        if (q.kind() != null) {
            where.append(" AND c.kind = ?");
            params.add(q.kind().name());
        }
        if (q.tier() != null) {
            where.append(" AND c.tier = ?");
            params.add(q.tier().name());
        }
        if (regionPathLike != null) {
            where.append(" AND r.path LIKE ?");
            params.add(regionPathLike);
        }
        if (q.departmentId() != null) {
            where.append(" AND c.department_id = ?");
            params.add(q.departmentId());
        }
        if (q.q() != null && !q.q().isBlank()) {
            String text = q.q().strip();
            String like = "%" + text.replace("%", "").replace("_", "") + "%";
            where.append(" AND (c.code = ? OR c.title LIKE ? OR c.description LIKE ?)");
            params.add(text);
            params.add(like);
            params.add(like);
        }
        return where.toString();
    }

    private static final String SUMMARY = """
            SELECT c.id, c.code, c.title, c.kind, cat.name AS category_name, c.channel, c.urgency, c.state, c.tier,
                   c.region_id, r.name AS region_name, c.department_id, d.name AS department_name, c.created_at,
                   c.updated_at, c.version
            FROM case_file c
            JOIN region r ON r.id = c.region_id
            JOIN case_category cat ON cat.id = c.category_id
            LEFT JOIN department d ON d.id = c.department_id""";

    List<CaseSummary> page(CaseQuery q, CaseScope scope, String regionPathLike) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + filters(q, regionPathLike, params);
        params.add(q.page().size());
        params.add(q.page().offset());
        return jdbc.sql(SUMMARY.replace("FROM case_file c\n", "FROM case_file c" + newestFirstHint(q, scope) + "\n")
                        + where + " ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(CaseQueries::summary)
                .list();
    }

    /**
     * The rows of a page the search index found, newest first. Scope and filters (not the text) are
     * checked again, so a case that left the scope a moment ago is not shown from a stale index.
     */
    List<CaseSummary> pageOf(List<Long> ids, CaseQuery q, CaseScope scope, String regionPathLike) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        CaseQuery withoutText = new CaseQuery(q.state(), q.kind(), q.tier(), q.regionId(), q.departmentId(), null,
                q.page());
        String where = scope.where(params) + filters(withoutText, regionPathLike, params);
        where += " AND c.id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        params.addAll(ids);
        return jdbc.sql(SUMMARY + where + " ORDER BY c.created_at DESC, c.id DESC")
                .params(params)
                .query(CaseQueries::summary)
                .list();
    }

    /** A row of the list's columns (id, code, title, …, category_name, region_name, department_name) as a summary. */
    static CaseSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CaseSummary(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("category_name"),
                Channel.valueOf(rs.getString("channel")), Urgency.valueOf(rs.getString("urgency")),
                CaseState.valueOf(rs.getString("state")), CaseState.valueOf(rs.getString("state")).label(),
                Tier.valueOf(rs.getString("tier")), rs.getLong("region_id"), rs.getString("region_name"),
                rs.getObject("department_id", Long.class), rs.getString("department_name"),
                CaseRows.instant(rs, "created_at"), CaseRows.instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    /** Matching cases counted up to {@code cap} + 1 (which means "more than {@code cap}"). */
    long count(CaseQuery q, CaseScope scope, String regionPathLike, long cap) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + filters(q, regionPathLike, params);
        return CappedCount.count(jdbc, "FROM case_file c JOIN region r ON r.id = c.region_id" + where, params, cap);
    }

    /** Most candidates a duplicate search gives. */
    static final int NEARBY_LIMIT = 50;

    /**
     * Open cases of a category inside a box and after a time, within the scope, newest first (at most
     * {@link #NEARBY_LIMIT}). PostgreSQL reads V19_0's partial index on open cases by latitude band, newest
     * first, and stops at the newest {@link #NEARBY_LIMIT} ({@link #newestInBox}); H2, which has no partial
     * indexes, reads V20_0's index of its generated column {@code open_category_id} (the category while the case
     * is open, else null; V16_0) with the point and the time, and takes the newest {@link #NEARBY_LIMIT} from the
     * index entries alone ({@link #H2_NEWEST_IN_BOX}). Neither reads the closed cases reported at the same spot over
     * the years, nor more than the newest few of a crowded spot's open ones. {@link #box} gives the box.
     */
    List<Nearby> nearby(Box box, Instant since, CaseScope scope) {
        if (h2) {
            List<ScopedNearby> newest = jdbc.sql(H2_NEWEST_IN_BOX)
                    .params(box.h2Params(since))
                    .query((rs, n) -> scopedNearby(rs, 0))
                    .list();
            return inScope(newest, box, since, scope);
        }
        // The box alone, newest first, and the scope checked here on the region paths the application
        // keeps: joined in the query, the region was looked up once per case in the box (a nested loop of
        // the generic plan, three index pages each: 60 % of the search's pages near a crowded point,
        // docs/benchmarks-archive.md round 6).
        List<ScopedNearby> newest = jdbc.sql("WITH " + newestInBox(box.bands()) + " SELECT * FROM box c")
                .params(box.params(since))
                .query((rs, n) -> scopedNearby(rs, 0))
                .list();
        return inScope(newest, box, since, scope);
    }

    /**
     * The box of a duplicate search: the open cases of a category between two latitudes and two longitudes, but
     * the case {@code excludeId} (-1: none).
     */
    record Box(long categoryId, double minLat, double maxLat, double minLng, double maxLng, long excludeId) {

        /** How many latitude bands of V19_0's index the box crosses (two at most at the default 200 m). */
        int bands() {
            return (int) (band(maxLat) - band(minLat)) + 1;
        }

        /**
         * The parameters of {@link #newestInBox} and {@link #allInBox}, band by band from the south: category, band,
         * the time cases count from, the longitudes, the latitudes, the case left out.
         */
        List<Object> params(Instant since) {
            List<Object> params = new ArrayList<>(8 * bands());
            for (double b = band(minLat); b <= band(maxLat); b++) {
                params.addAll(List.of(categoryId, b, CaseRows.utc(since), minLng, maxLng, minLat, maxLat,
                        excludeId));
            }
            return params;
        }

        /**
         * The parameters of {@link CaseQueries#h2InBox} (H2): category, the time cases count from, the latitudes, the
         * longitudes, the case left out.
         */
        List<Object> h2Params(Instant since) {
            return List.of(categoryId, CaseRows.utc(since), minLat, maxLat, minLng, maxLng, excludeId);
        }
    }

    static Box box(long categoryId, double minLat, double maxLat, double minLng, double maxLng, Long excludeId) {
        return new Box(categoryId, minLat, maxLat, minLng, maxLng, excludeId == null ? -1L : excludeId);
    }

    /**
     * Bands of latitude per degree in V19_0's index of open cases near a point, {@code floor(lat * 250)}: about
     * 445 m each, more than the 400 m from south to north of the default box, so that a box crosses two at most.
     */
    static final int BANDS_PER_DEGREE = 250;

    /** The latitude band of V19_0's index: the same double arithmetic as PostgreSQL's {@code floor(lat * 250)}. */
    static double band(double lat) {
        return Math.floor(lat * BANDS_PER_DEGREE);
    }

    /**
     * Of the newest open cases in the box (at most {@link #NEARBY_LIMIT}, read with {@link #newestInBox}), those
     * the scope covers; when some were outside it and the box may hold older ones inside it, the box is read again
     * with the scope in the query.
     */
    List<Nearby> inScope(List<ScopedNearby> newest, Box box, Instant since, CaseScope scope) {
        List<Nearby> inScope = new ArrayList<>(newest.size());
        if (scope.creatorUserId() != null) {
            return inScope; // an integration is shown no other cases as duplicates
        }
        for (ScopedNearby c : newest) {
            if (scope.covers(paths.pathOf(c.regionId()).orElse(null), c.departmentId(), c.reporterId(), 0)) {
                inScope.add(c.nearby());
            }
        }
        if (inScope.size() == newest.size() || newest.size() < NEARBY_LIMIT) {
            return inScope;
        }
        // some of the newest were outside the scope and older ones may be inside it: the scope in the query,
        // over the few cases of the box (asked with the box not first, the planner may start from the scope's
        // regions and read every open case of each: 22 ms with 25 000 open cases in a town)
        if (h2) {
            List<Object> params = new ArrayList<>();
            String where = scope.where(params, true);
            params.addAll(box.h2Params(since));
            return jdbc.sql("SELECT c.id, c.code, c.title, c.state, c.lat, c.lng, c.created_at, c.description"
                            + " FROM case_file c JOIN region r ON r.id = c.region_id" + where + " AND " + h2InBox("c")
                            + " ORDER BY c.created_at DESC LIMIT " + NEARBY_LIMIT)
                    .params(params).query((rs, n) -> nearby(rs)).list();
        }
        List<Object> params = box.params(since);
        String where = scope.where(params);
        return jdbc.sql("WITH " + allInBox(box.bands()) + " SELECT c.* FROM box c JOIN region r ON r.id = c.region_id"
                        + where + " ORDER BY c.created_at DESC LIMIT " + NEARBY_LIMIT)
                .params(params).query((rs, n) -> nearby(rs)).list();
    }

    /**
     * The newest {@link #NEARBY_LIMIT} open cases of the box on H2, with what the scope is checked on. H2 uses an
     * index for an ORDER BY only when the index starts with the sorted column, so it cannot read a band backwards
     * in time as PostgreSQL does; but it tests conditions on an index entry before it reads the row, so the inner
     * query finds the box's open cases of the category and the newest of them in V20_0's index
     * {@code (open_category_id, lat, lng, created_at)} alone, and only those are read from the table. Near a crowded
     * spot (1 448 open cases of one category in the box, the intake benchmark's data) this took 0.8 ms where
     * reading every case of the box took 6.7 ms (docs/benchmarks-archive.md, part 3, round 15). Parameters:
     * {@link Box#h2Params}.
     */
    private static final String H2_NEWEST_IN_BOX = "SELECT c.id, c.code, c.title, c.state, c.lat, c.lng, c.created_at,"
            + " c.description, c.region_id, c.department_id, c.reporter_user_id"
            + " FROM (SELECT n.id FROM case_file n WHERE " + h2InBox("n")
            + " ORDER BY n.created_at DESC LIMIT " + NEARBY_LIMIT + ") b"
            + " JOIN case_file c ON c.id = b.id ORDER BY c.created_at DESC";

    /**
     * The open cases of the box on H2, as conditions on the case table aliased {@code alias} (all of them on V20_0's
     * index); its parameters are {@link Box#h2Params}.
     */
    private static String h2InBox(String alias) {
        return alias + ".open_category_id = ? AND " + alias + ".created_at >= ? AND " + alias + ".lat BETWEEN ? AND ?"
                + " AND " + alias + ".lng BETWEEN ? AND ? AND " + alias + ".id <> ?";
    }

    private static final String OPEN = "c.state IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RESOLVED',"
            + " 'VERIFIED', 'RETURNED', 'REOPENED', 'ESCALATED', 'PARKED')";

    /**
     * The open cases of one latitude band of the box since a time, with what the scope is checked on; its
     * parameters are one band's of {@link Box#params}. The band, the time and the box are all conditions on V19_0's
     * index, so only the cases inside the box are read from the table.
     */
    private static final String BAND = "SELECT c.id, c.code, c.title, c.state, c.lat, c.lng, c.created_at,"
            + " c.description, c.region_id, c.department_id, c.reporter_user_id FROM case_file c"
            + " WHERE c.category_id = ? AND floor(c.lat * " + BANDS_PER_DEGREE + ") = ? AND c.created_at >= ?"
            + " AND c.lng BETWEEN ? AND ? AND c.lat BETWEEN ? AND ? AND c.id <> ? AND " + OPEN;

    private static final java.util.concurrent.ConcurrentMap<Integer, String> NEWEST_IN_BOX =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentMap<Integer, String> ALL_IN_BOX =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The newest {@link #NEARBY_LIMIT} open cases of the box (PostgreSQL): a common table expression {@code box},
     * to follow {@code WITH}, over {@code bands} latitude bands ({@link Box#params}). Each band is read backwards
     * in time from V19_0's index and the bands are merged, so a crowded spot costs the newest cases only: with the
     * whole box read and sorted, 649 open cases of a category in the box near the driver's crowded points took
     * 593 buffers (579 table pages) a search, where the merge takes 56 (docs/benchmarks-archive.md, round 13).
     */
    static String newestInBox(int bands) {
        return NEWEST_IN_BOX.computeIfAbsent(bands, n -> "box AS MATERIALIZED (SELECT * FROM ("
                + String.join(" UNION ALL ", java.util.Collections.nCopies(n,
                        "(" + BAND + " ORDER BY c.created_at DESC LIMIT " + NEARBY_LIMIT + ")"))
                + ") u ORDER BY u.created_at DESC LIMIT " + NEARBY_LIMIT + ")");
    }

    /** Every open case of the box (PostgreSQL), as {@link #newestInBox}, unsorted. */
    static String allInBox(int bands) {
        return ALL_IN_BOX.computeIfAbsent(bands, n -> "box AS MATERIALIZED ("
                + String.join(" UNION ALL ", java.util.Collections.nCopies(n, BAND)) + ")");
    }

    /** A case of the box with what its scope is checked on. */
    record ScopedNearby(Nearby nearby, long regionId, Long departmentId, Long reporterId) {
    }

    /** The columns of {@link #newestInBox}, from column {@code offset + 1} on. */
    static ScopedNearby scopedNearby(java.sql.ResultSet rs, int offset) throws java.sql.SQLException {
        return new ScopedNearby(new Nearby(rs.getLong(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                CaseState.valueOf(rs.getString(offset + 4)), rs.getDouble(offset + 5), rs.getDouble(offset + 6),
                CaseRows.instant(rs, "created_at"), rs.getString(offset + 8)), rs.getLong(offset + 9),
                rs.getObject(offset + 10, Long.class), rs.getObject(offset + 11, Long.class));
    }

    private static Nearby nearby(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Nearby(rs.getLong(1), rs.getString(2), rs.getString(3), CaseState.valueOf(rs.getString(4)),
                rs.getDouble(5), rs.getDouble(6), CaseRows.instant(rs, "created_at"), rs.getString(8));
    }

    /** The case's history, oldest first ({@link HistoryReads}). */
    List<HistoryView> history(long caseId) {
        return history.history(caseId);
    }

    /** Region path of a case's region (for scope checks of single reads). */
    String regionPath(long regionId) {
        return jdbc.sql("SELECT path FROM region WHERE id = ?").param(regionId).query(String.class).single();
    }

    long countInRegion(long regionId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE region_id = ?").param(regionId).query(Long.class).single();
    }
}
