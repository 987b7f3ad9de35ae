package cn.huying.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import cn.huying.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily rollup behind the leader's overview ({@code analytics_case_stats_daily}, migration V301_0): per scope
 * (the whole tree, each county, each town), day of report and dimension, how many cases. A scheduled
 * job keeps it: it finds the cases changed since its last run through cases' published change log
 * {@code case_change_v} (every change of a case writes a history row in the same transaction; the rollup adds
 * nothing to the transitions), and recomputes every day those cases count in — their day of report and the days of
 * their changes, which hold every day they were closed on — from the published view {@code case_work_v}. A day is
 * rewritten only where its figures changed. On an empty rollup, or when the region tree changed
 * ({@link Regions#treeMark}), it rebuilds every day.
 *
 * <p>Safe with several nodes: a run holds the job's one row {@code FOR UPDATE}; a node that finds it
 * locked skips its turn. The rollup is exact as of the run ({@code refreshed_at}); {@link WorkQueues}
 * reads it for the days before the day of the last run and counts the rest live. Moved from cases (issue 23).
 */
@Component
public class CaseStatsRollup {

    private static final Logger log = LoggerFactory.getLogger(CaseStatsRollup.class);

    static final String STATE = "STATE";
    static final String KIND = "KIND";
    static final String TIER = "TIER";
    static final String CHANNEL = "CHANNEL";
    static final String RESOLVED = "RESOLVED";
    static final String CLOSED = "CLOSED";
    private static final String NONE = "-";

    /** At most this many days are aggregated by one query (a month of a 10-million-case city: ~300 000 cases). */
    private static final int DAYS_PER_QUERY = 31;
    /**
     * Changes written this recently are read again by the next run: a transaction that took its change
     * number earlier but committed after this run read the log is not missed.
     */
    private static final Duration SETTLE = Duration.ofMinutes(2);
    /** How far back (in change numbers) a rebuild looks for changes written within {@link #SETTLE}. */
    private static final long SETTLE_IDS = 10_000;

    /** What a run did. */
    public record Run(boolean ran, boolean rebuilt, int days, long rowsWritten, long millis) {
    }

    /** The rollup's state: exact as of {@code refreshedAt}; null before the first run. */
    record Status(Long lastChangeId, Instant refreshedAt, String regionMark) {
    }

    /** Figures of cases: dimension → value → count, and per day the cases reported and closed. */
    static final class Figures {
        final Map<String, Map<String, Long>> dims = new HashMap<>();
        final Map<LocalDate, long[]> days = new TreeMap<>();

        void addReported(LocalDate day, String state, String kind, String tier, String channel, String resolved,
                         long n) {
            add(STATE, state, n);
            add(KIND, kind, n);
            add(TIER, tier, n);
            add(CHANNEL, channel, n);
            if (resolved != null && !resolved.equals(NONE)) {
                add(RESOLVED, resolved, n);
            }
            days.computeIfAbsent(day, d -> new long[2])[0] += n;
        }

        void addClosed(LocalDate day, long n) {
            days.computeIfAbsent(day, d -> new long[2])[1] += n;
        }

        void add(String dim, String val, long n) {
            dims.computeIfAbsent(dim, d -> new HashMap<>()).merge(val, n, Long::sum);
        }

        Map<String, Long> of(String dim) {
            return dims.getOrDefault(dim, Map.of());
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Regions regions;
    private final boolean enabled;

    CaseStatsRollup(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate tx, Clock clock, Regions regions,
                    @Value("${huying.stats.rollup-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.batches = batches;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${huying.stats.refresh-interval:60s}",
            initialDelayString = "${huying.stats.refresh-initial-delay:15s}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        Run run = refresh(false);
        if (run.ran() && (run.rebuilt() || run.millis() > 5_000)) {
            log.info("统计汇总：重算 {} 天，写入 {} 行，用时 {} ms{}", run.days(), run.rowsWritten(), run.millis(),
                    run.rebuilt() ? "（全量重建）" : "");
        }
    }

    /**
     * One run: brings the rollup up to date with every case change committed so far.
     *
     * @param wait wait for a run of another node to finish (true), or skip this turn (false)
     */
    public Run refresh(boolean wait) {
        long started = System.nanoTime();
        Run run = tx.execute(s -> refreshLocked(wait));
        Run r = Objects.requireNonNull(run);
        return new Run(r.ran(), r.rebuilt(), r.days(), r.rowsWritten(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The rollup's state, without a lock. */
    Status status() {
        return jdbc.sql("SELECT last_change_id, refreshed_at, region_mark FROM analytics_case_stats_job WHERE id = 1")
                .query((rs, i) -> new Status(rs.getObject(1, Long.class), WorkRows.instant(rs, "refreshed_at"),
                        rs.getString(3)))
                .optional().orElse(new Status(null, null, null));
    }

    private Run refreshLocked(boolean wait) {
        Optional<Status> locked = jdbc.sql("SELECT last_change_id, refreshed_at, region_mark FROM analytics_case_stats_job"
                        + " WHERE id = 1 FOR UPDATE" + (wait ? "" : " SKIP LOCKED"))
                .query((rs, i) -> new Status(rs.getObject(1, Long.class), WorkRows.instant(rs, "refreshed_at"),
                        rs.getString(3)))
                .optional();
        if (locked.isEmpty()) {
            return new Run(false, false, 0, 0, 0);
        }
        Status job = locked.get();
        Instant now = clock.instant();
        String mark = regionMark();
        long maxHistory = jdbc.sql("SELECT COALESCE(MAX(change_id), 0) FROM case_change_v").query(Long.class).single();
        boolean rebuild = job.lastChangeId() == null || !mark.equals(job.regionMark());
        TreeSet<LocalDate> days = new TreeSet<>();
        long settledFrom;
        if (rebuild) {
            jdbc.sql("DELETE FROM analytics_case_stats_daily").update();
            Instant[] firstCase = new Instant[1];
            jdbc.sql("SELECT MIN(created_at) AS first_at FROM case_work_v")
                    .query(rs -> {
                        firstCase[0] = WorkRows.instant(rs, "first_at");
                    });
            Instant first = firstCase[0];
            if (first != null) {
                LocalDate last = LocalDate.ofInstant(now, clock.getZone());
                for (LocalDate d = LocalDate.ofInstant(first, clock.getZone()); !d.isAfter(last); d = d.plusDays(1)) {
                    days.add(d);
                }
                // a case reported "later" than this node's clock (another node's) still gets its day
                days.addAll(changedDays(Math.max(0, maxHistory - SETTLE_IDS)));
            }
            settledFrom = Math.max(0, maxHistory - SETTLE_IDS);
        } else {
            days.addAll(changedDays(job.lastChangeId()));
            settledFrom = job.lastChangeId();
        }
        long written = 0;
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate d : days) {
            if (!run.isEmpty() && (!d.equals(run.get(run.size() - 1).plusDays(1)) || run.size() >= DAYS_PER_QUERY)) {
                written += recompute(run, rebuild);
                run.clear();
            }
            run.add(d);
        }
        if (!run.isEmpty()) {
            written += recompute(run, rebuild);
        }
        // changes of the last minutes are read again next time (see SETTLE)
        long watermark = jdbc.sql("SELECT COALESCE(MAX(change_id), ?) FROM case_change_v WHERE change_id > ?"
                        + " AND change_id <= ? AND at < ?")
                .params(settledFrom, settledFrom, maxHistory, WorkRows.utc(now.minus(SETTLE)))
                .query(Long.class).single();
        jdbc.sql("UPDATE analytics_case_stats_job SET last_change_id = ?, refreshed_at = ?, region_mark = ?,"
                        + " last_run_days = ? WHERE id = 1")
                .params(Math.max(watermark, settledFrom), WorkRows.utc(now), mark, days.size()).update();
        return new Run(true, rebuild, days.size(), written, 0);
    }

    /** Days (report day and the day of every change) of the cases changed after change {@code afterId}. */
    private List<LocalDate> changedDays(long afterId) {
        List<LocalDate> out = new ArrayList<>();
        ZoneId zone = clock.getZone();
        jdbc.sql("SELECT DISTINCT " + WorkRows.day("c.created_at", zone) + " AS d FROM case_work_v c"
                        + " WHERE c.id IN (SELECT h.case_id FROM case_change_v h WHERE h.change_id > ?)")
                .param(afterId).query(rs -> {
                    out.add(LocalDate.ofEpochDay(rs.getLong(1)));
                });
        jdbc.sql("SELECT DISTINCT " + WorkRows.day("h2.at", zone) + " AS d FROM case_change_v h2"
                        + " WHERE h2.case_id IN (SELECT h.case_id FROM case_change_v h WHERE h.change_id > ?)")
                .param(afterId).query(rs -> {
                    out.add(LocalDate.ofEpochDay(rs.getLong(1)));
                });
        return out;
    }

    /** Recomputes consecutive days for every scope; writes what differs from the stored rows. */
    private long recompute(List<LocalDate> days, boolean empty) {
        LocalDate from = days.get(0);
        LocalDate to = days.get(days.size() - 1).plusDays(1);
        Map<String, List<String>> scopesOfPath = new HashMap<>();
        // day → "scope|dim|val" → n
        Map<LocalDate, Map<String, Long>> fresh = new TreeMap<>();
        for (LocalDate d : days) {
            fresh.put(d, new HashMap<>());
        }
        ZoneId zone = clock.getZone();
        String createdDay = WorkRows.day("c.created_at", zone);
        String closedDay = WorkRows.day("c.closed_at", zone);
        jdbc.sql("SELECT " + createdDay + " AS d, c.region_path, c.state, c.kind, c.tier, c.channel,"
                        + " c.resolved_tier, COUNT(*) AS n FROM case_work_v c WHERE c.created_at >= ? AND c.created_at < ?"
                        + " GROUP BY " + createdDay + ", c.region_path, c.state, c.kind, c.tier, c.channel,"
                        + " c.resolved_tier")
                .params(WorkRows.start(from, zone), WorkRows.start(to, zone))
                .query(rs -> {
                    Map<String, Long> day = fresh.get(LocalDate.ofEpochDay(rs.getLong("d")));
                    if (day == null) {
                        return;
                    }
                    long n = rs.getLong("n");
                    String resolved = rs.getString("resolved_tier");
                    for (String scope : scopesOfPath.computeIfAbsent(rs.getString("region_path"),
                            CaseStatsRollup::scopesOf)) {
                        day.merge(scope + "|" + STATE + "|" + rs.getString("state"), n, Long::sum);
                        day.merge(scope + "|" + KIND + "|" + rs.getString("kind"), n, Long::sum);
                        day.merge(scope + "|" + TIER + "|" + rs.getString("tier"), n, Long::sum);
                        day.merge(scope + "|" + CHANNEL + "|" + rs.getString("channel"), n, Long::sum);
                        if (resolved != null) {
                            day.merge(scope + "|" + RESOLVED + "|" + resolved, n, Long::sum);
                        }
                    }
                });
        jdbc.sql("SELECT " + closedDay + " AS d, c.region_path, COUNT(*) AS n FROM case_work_v c"
                        + " WHERE c.closed_at >= ? AND c.closed_at < ? GROUP BY " + closedDay + ", c.region_path")
                .params(WorkRows.start(from, zone), WorkRows.start(to, zone))
                .query(rs -> {
                    Map<String, Long> day = fresh.get(LocalDate.ofEpochDay(rs.getLong("d")));
                    if (day == null) {
                        return;
                    }
                    for (String scope : scopesOfPath.computeIfAbsent(rs.getString("region_path"),
                            CaseStatsRollup::scopesOf)) {
                        day.merge(scope + "|" + CLOSED + "|" + NONE, rs.getLong("n"), Long::sum);
                    }
                });
        long written = 0;
        for (Map.Entry<LocalDate, Map<String, Long>> e : fresh.entrySet()) {
            written += write(e.getKey(), e.getValue(), empty);
        }
        return written;
    }

    /** Makes the stored rows of one day equal to {@code fresh}; returns how many rows it wrote or deleted. */
    private long write(LocalDate day, Map<String, Long> fresh, boolean empty) {
        Map<String, Long> stored = new HashMap<>();
        if (!empty) {
            jdbc.sql("SELECT scope_path, dim, val, n FROM analytics_case_stats_daily WHERE stat_day = ?").param(day)
                    .query(rs -> {
                        stored.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
                    });
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        fresh.forEach((key, n) -> {
            Long old = stored.get(key);
            String[] k = key.split("\\|", 3);
            if (old == null) {
                inserts.add(new Object[]{k[0], day, k[1], k[2], n});
            } else if (old.longValue() != n) {
                updates.add(new Object[]{n, k[0], day, k[1], k[2]});
            }
        });
        stored.keySet().stream().filter(key -> !fresh.containsKey(key)).forEach(key -> {
            String[] k = key.split("\\|", 3);
            deletes.add(new Object[]{k[0], day, k[1], k[2]});
        });
        insert(inserts);
        batch("UPDATE analytics_case_stats_daily SET n = ? WHERE scope_path = ? AND stat_day = ? AND dim = ? AND val = ?", updates);
        batch("DELETE FROM analytics_case_stats_daily WHERE scope_path = ? AND stat_day = ? AND dim = ? AND val = ?", deletes);
        return inserts.size() + updates.size() + deletes.size();
    }

    /** Inserts rows 200 to a statement (a rebuild of 10 million cases writes millions of rows). */
    private void insert(List<Object[]> rows) {
        int chunk = 200;
        for (int i = 0; i < rows.size(); i += chunk) {
            List<Object[]> part = rows.subList(i, Math.min(rows.size(), i + chunk));
            StringBuilder sql = new StringBuilder("INSERT INTO analytics_case_stats_daily (scope_path, stat_day, dim, val, n) VALUES ");
            List<Object> params = new ArrayList<>(part.size() * 5);
            for (Object[] row : part) {
                sql.append(params.isEmpty() ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                params.addAll(List.of(row));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i += 1000) {
            batches.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /**
     * The rollup scopes a region's cases count in: the whole tree, its county and its town (the first one and two
     * steps of its path).
     */
    static List<String> scopesOf(String path) {
        List<String> out = new ArrayList<>();
        out.add("/");
        int slash = 0;
        for (int level = 0; level < 2; level++) {
            slash = path.indexOf('/', slash + 1);
            if (slash < 0) {
                break;
            }
            out.add(path.substring(0, slash + 1));
        }
        return out;
    }

    /** Whether figures of this scope are kept: the whole tree, a county or a town (path prefixes of up to two steps). */
    static boolean kept(String pathPrefix) {
        return pathPrefix.chars().filter(ch -> ch == '/').count() <= 3;
    }

    /** The region tree as the rollup was built on it: any change (a moved village) means a rebuild. */
    private String regionMark() {
        return regions.treeMark();
    }

    /** Adds the rollup of one scope for days in [from, to) to {@code f}. */
    void read(Figures f, String scopePath, LocalDate from, LocalDate to) {
        jdbc.sql("SELECT stat_day, dim, val, n FROM analytics_case_stats_daily WHERE scope_path = ? AND stat_day >= ?"
                        + " AND stat_day < ?")
                .params(scopePath, from, to)
                .query(rs -> {
                    String dim = rs.getString(2);
                    long n = rs.getLong(4);
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    if (dim.equals(CLOSED)) {
                        f.addClosed(day, n);
                    } else {
                        f.add(dim, rs.getString(3), n);
                        if (dim.equals(STATE)) {
                            f.days.computeIfAbsent(day, d -> new long[2])[0] += n;
                        }
                    }
                });
    }
}
