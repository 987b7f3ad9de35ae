package cn.huying.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rate rollup 考核指标汇总 ({@code assessment_rate_daily}, migration V250_1): every rate's numerator and
 * denominator per scope — the whole tree, each county, each town — per day of the event the denominator counts
 * (and, for 按期结案率, per day of parking, so that "parked in the period" is decided when a period is asked for). A
 * region's year is then a few thousand rollup rows instead of every case of the region with its history look-ups.
 *
 * <p><b>Exact.</b> What each case counts in is computed by SQL from the published read model {@code case_facts_v}
 * with the formulas' own conditions ({@link RateFormula}) and kept per case ({@code assessment_rate_case}); when a case
 * changes, its old row is taken out of the rollup and its new row put in. The changed cases are found in the
 * published change feed {@code case_change_v} (every change of a case writes a history row in its transaction) after
 * the last change seen; changes of the last {@link #SETTLE} are read again, so that a transaction that numbered its
 * change earlier but committed later is not missed. {@link RatesService} brings the rollup up to date before it reads
 * it (usually a handful of cases), so a figure is the direct formula's as of the request.
 *
 * <p><b>Safe on several nodes.</b> Every run holds the job's one row {@code FOR UPDATE}; a read that finds it locked
 * (a build, or another node's run) counts directly instead, as it does for any filter the rollup does not keep
 * (department, category, channel, kind, a grid or a village). A moved region needs a {@link #build() rebuild}.
 */
@Component
public class RateRollup {

    private static final Logger log = LoggerFactory.getLogger(RateRollup.class);

    /** Changes numbered this recently are read again by the next run. */
    static final Duration SETTLE = Duration.ofMinutes(2);
    /** A read brings the rollup up to date itself when at most this many cases changed; else it counts directly. */
    static final int MAX_CASES_ON_READ = 500;
    /** Cases a build reads from the view per statement (by id). */
    private static final long BUILD_CHUNK = 50_000;
    private static final int IN_CHUNK = 500;

    /** What a run did. */
    public record Run(boolean ran, boolean built, long cases, long millis) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String extract;

    RateRollup(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
               @Value("${huying.assessment.rollup-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.enabled = enabled;
        this.extract = extractSql(clock.getZone());
    }

    /** Builds the rollup when it has never been built, else brings it up to date; one node at a time. */
    @Scheduled(fixedDelayString = "${huying.assessment.rollup-interval:60s}",
            initialDelayString = "${huying.assessment.rollup-initial-delay:20s}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        Run run = built() ? refresh(false, Integer.MAX_VALUE) : build();
        if (run.built() || run.millis() > 5_000) {
            log.info("考核指标汇总：{} {} 件，用时 {} ms", run.built() ? "全量重建" : "更新", run.cases(), run.millis());
        }
    }

    boolean built() {
        return jdbc.sql("SELECT built_at FROM assessment_rate_job WHERE id = 1").query(OffsetDateTime.class).optional()
                .isPresent();
    }

    /** Builds the rollup from every case (waits for a run of another node to finish). */
    public Run build() {
        long started = System.nanoTime();
        Run r = Objects.requireNonNull(tx.execute(s -> buildLocked()));
        return new Run(r.ran(), true, r.cases(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Brings the rollup up to date with every change committed so far.
     *
     * @param wait     wait for another run to finish (true) or give up at once (false)
     * @param maxCases give up (changing nothing) when more cases than this changed
     * @return ran = the rollup is now up to date
     */
    public Run refresh(boolean wait, int maxCases) {
        long started = System.nanoTime();
        Run r = Objects.requireNonNull(tx.execute(s -> refreshLocked(wait, maxCases)));
        return new Run(r.ran(), false, r.cases(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether figures of this path prefix are kept: the whole tree, a county or a town (up to two steps). */
    static boolean kept(String pathPrefix) {
        return pathPrefix.chars().filter(ch -> ch == '/').count() <= 3;
    }

    /** Up to date for a read now: built, not being written by another run, few changes to take in. */
    boolean currentForRead() {
        return built() && refresh(false, MAX_CASES_ON_READ).ran();
    }

    /** Every rate's numerator and denominator of a kept scope for the days from–to inclusive. */
    Map<RateFormula, RateQueries.Counts> read(String scopePath, LocalDate from, LocalDate to) {
        Map<RateFormula, RateQueries.Counts> out = new EnumMap<>(RateFormula.class);
        for (RateFormula f : RateFormula.values()) {
            out.put(f, new RateQueries.Counts(0, 0));
        }
        long f = from.toEpochDay();
        long t = to.toEpochDay();
        jdbc.sql("""
                SELECT rate, SUM(d) AS d, SUM(n) AS n FROM assessment_rate_daily
                 WHERE scope_path = ? AND stat_day >= ? AND stat_day <= ?
                   AND (parked_day = 0 OR parked_day < ? OR parked_day > ?)
                 GROUP BY rate""")
                .params(scopePath, f, t, f, t)
                .query(rs -> {
                    out.put(RateFormula.valueOf(rs.getString("rate")),
                            new RateQueries.Counts(rs.getLong("n"), rs.getLong("d")));
                });
        return out;
    }

    // ---- the runs -------------------------------------------------------------------------------

    /** Takes the job's row: the last change taken in, or -2 when the rollup has not been built; empty when locked. */
    private Optional<Long> lock(boolean wait) {
        return jdbc.sql("SELECT last_change_id, built_at FROM assessment_rate_job WHERE id = 1 FOR UPDATE"
                        + (wait ? "" : " SKIP LOCKED"))
                .query((rs, i) -> rs.getObject(2, OffsetDateTime.class) == null ? -2L
                        : Optional.ofNullable(rs.getObject(1, Long.class)).orElse(-1L)).optional();
    }

    private Run buildLocked() {
        lock(true);
        Instant now = clock.instant();
        long maxChange = jdbc.sql("SELECT COALESCE(MAX(change_id), 0) FROM case_change_v").query(Long.class).single();
        jdbc.sql("DELETE FROM assessment_rate_daily").update();
        jdbc.sql("DELETE FROM assessment_rate_case").update();
        jdbc.sql("DELETE FROM assessment_rate_scope").update();
        long[] ids = jdbc.sql("SELECT COALESCE(MIN(case_id), 0), COALESCE(MAX(case_id), -1) FROM case_change_v")
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        long cases = 0;
        for (long from = ids[0]; from <= ids[1]; from += BUILD_CHUNK) {
            cases += jdbc.sql(extract + " WHERE f.id >= :from AND f.id < :to")
                    .param("from", from).param("to", from + BUILD_CHUNK).update();
        }
        List<String> paths = jdbc.sql("SELECT DISTINCT region_path FROM assessment_rate_case").query(String.class).list();
        for (String path : paths) {
            for (String scope : scopesOf(path)) {
                jdbc.sql("INSERT INTO assessment_rate_scope (region_path, scope_path) VALUES (?, ?)").params(path, scope)
                        .update();
            }
        }
        for (RateFormula f : RateFormula.values()) {
            String c = f.column();
            String parked = f == RateFormula.ON_TIME_CLOSURE ? "COALESCE(c.parked_day, 0)" : "0";
            jdbc.sql("INSERT INTO assessment_rate_daily (scope_path, rate, stat_day, parked_day, d, n)"
                    + " SELECT s.scope_path, '" + f.name() + "', c.d_" + c + ", " + parked + ", COUNT(*), SUM(c.n_" + c + ")"
                    + " FROM assessment_rate_case c JOIN assessment_rate_scope s ON s.region_path = c.region_path"
                    + " WHERE c.d_" + c + " IS NOT NULL GROUP BY s.scope_path, c.d_" + c
                    + (f == RateFormula.ON_TIME_CLOSURE ? ", " + parked : "")).update();
        }
        jdbc.sql("UPDATE assessment_rate_job SET last_change_id = ?, built_at = ?, refreshed_at = ?, cases_changed = ?"
                        + " WHERE id = 1")
                .params(settled(-1, maxChange, now), utc(now), utc(now), cases).update();
        return new Run(true, true, cases, 0);
    }

    private Run refreshLocked(boolean wait, int maxCases) {
        Optional<Long> locked = lock(wait);
        if (locked.isEmpty() || locked.get() == -2L) {
            return new Run(false, false, 0, 0);
        }
        long last = locked.get();
        Instant now = clock.instant();
        long maxChange = jdbc.sql("SELECT COALESCE(MAX(change_id), ?) FROM case_change_v WHERE change_id > ?")
                .params(last, last).query(Long.class).single();
        if (maxChange == last) {
            return new Run(true, false, 0, 0);
        }
        List<Long> changed = jdbc.sql("SELECT DISTINCT case_id FROM case_change_v WHERE change_id > ? AND change_id <= ?")
                .params(last, maxChange).query(Long.class).list();
        if (changed.size() > maxCases) {
            return new Run(false, false, changed.size(), 0);
        }
        Map<Key, long[]> delta = new HashMap<>();
        for (int i = 0; i < changed.size(); i += IN_CHUNK) {
            List<Long> part = changed.subList(i, Math.min(changed.size(), i + IN_CHUNK));
            marks(part).forEach(row -> add(delta, row, -1));
            jdbc.sql("DELETE FROM assessment_rate_case WHERE case_id IN (:ids)").param("ids", part).update();
            jdbc.sql(extract + " WHERE f.id IN (:ids)").param("ids", part).update();
            marks(part).forEach(row -> add(delta, row, +1));
        }
        for (Map.Entry<Key, long[]> e : delta.entrySet()) {
            long[] dn = e.getValue();
            if (dn[0] == 0 && dn[1] == 0) {
                continue;
            }
            Key k = e.getKey();
            int n = jdbc.sql("UPDATE assessment_rate_daily SET d = d + ?, n = n + ? WHERE scope_path = ? AND stat_day = ?"
                            + " AND rate = ? AND parked_day = ?")
                    .params(dn[0], dn[1], k.scope(), k.day(), k.rate().name(), k.parkedDay()).update();
            if (n == 0) {
                jdbc.sql("INSERT INTO assessment_rate_daily (scope_path, rate, stat_day, parked_day, d, n)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(k.scope(), k.rate().name(), k.day(), k.parkedDay(), dn[0], dn[1]).update();
            }
        }
        jdbc.sql("UPDATE assessment_rate_job SET last_change_id = ?, refreshed_at = ?, cases_changed = ? WHERE id = 1")
                .params(settled(last, maxChange, now), utc(now), changed.size()).update();
        return new Run(true, false, changed.size(), 0);
    }

    /**
     * The change to go on from: the last one numbered before {@link #SETTLE} (the later ones are read again next
     * time), never behind where this run started.
     */
    private long settled(long last, long maxChange, Instant now) {
        long settled = jdbc.sql("SELECT COALESCE(MAX(change_id), ?) FROM case_change_v WHERE change_id > ?"
                        + " AND change_id <= ? AND at < ?")
                .params(last, last, maxChange, utc(now.minus(SETTLE))).query(Long.class).single();
        return Math.max(last, settled);
    }

    // ---- what a case counts in ------------------------------------------------------------------

    /** A rollup row's key. */
    record Key(String scope, RateFormula rate, int day, int parkedDay) {
    }

    /** A case's stored row: its region path, day of parking, and per rate the day (or null) and numerator. */
    record Marks(String regionPath, Integer parkedDay, Integer[] days, int[] numerators) {
    }

    private List<Marks> marks(List<Long> ids) {
        StringBuilder sql = new StringBuilder("SELECT region_path, parked_day");
        for (RateFormula f : RateFormula.values()) {
            sql.append(", d_").append(f.column()).append(", n_").append(f.column());
        }
        sql.append(" FROM assessment_rate_case WHERE case_id IN (:ids)");
        int k = RateFormula.values().length;
        return jdbc.sql(sql.toString()).param("ids", ids).query((rs, i) -> {
            Integer[] days = new Integer[k];
            int[] nums = new int[k];
            for (int j = 0; j < k; j++) {
                days[j] = rs.getObject(3 + 2 * j, Integer.class);
                nums[j] = rs.getInt(4 + 2 * j);
            }
            return new Marks(rs.getString(1), rs.getObject(2, Integer.class), days, nums);
        }).list();
    }

    private static void add(Map<Key, long[]> delta, Marks m, int sign) {
        RateFormula[] formulas = RateFormula.values();
        for (String scope : scopesOf(m.regionPath())) {
            for (int j = 0; j < formulas.length; j++) {
                if (m.days()[j] == null) {
                    continue;
                }
                int parked = formulas[j] == RateFormula.ON_TIME_CLOSURE && m.parkedDay() != null ? m.parkedDay() : 0;
                long[] dn = delta.computeIfAbsent(new Key(scope, formulas[j], m.days()[j], parked), x -> new long[2]);
                dn[0] += sign;
                dn[1] += (long) sign * m.numerators()[j];
            }
        }
    }

    /** The rollup scopes a region's cases count in: the whole tree, its county and its town (one and two steps). */
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
        return List.copyOf(new TreeSet<>(out));
    }

    /**
     * {@code INSERT INTO assessment_rate_case … SELECT … FROM case_facts_v f}: per rate, the day of the event when the
     * case is in the rate's denominator (the formula's own condition) and 1 when also in its numerator.
     */
    static String extractSql(ZoneId zone) {
        StringBuilder cols = new StringBuilder("case_id, region_path, parked_day");
        StringBuilder sel = new StringBuilder("f.id, f.region_path, " + day("f.parked_at", zone));
        for (RateFormula f : RateFormula.values()) {
            String in = "(" + f.rollupDenominator + ") AND " + f.dateColumn + " IS NOT NULL";
            cols.append(", d_").append(f.column()).append(", n_").append(f.column());
            sel.append(", CASE WHEN ").append(in).append(" THEN ").append(day(f.dateColumn, zone)).append(" END")
                    .append(", CASE WHEN ").append(in).append(" AND (").append(f.numerator).append(") THEN 1 ELSE 0 END");
        }
        return "INSERT INTO assessment_rate_case (" + cols + ") SELECT " + sel + " FROM case_facts_v f";
    }

    /**
     * The day (in the platform's zone) of a timestamp column as days since 1970-01-01: the zone's offset now added to
     * the epoch seconds (China has kept one offset since 1991; a zone with daylight saving time would count the days of
     * the other season an hour off), the same on H2 and PostgreSQL whatever the session's zone.
     */
    static String day(String column, ZoneId zone) {
        int offset = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
        return "CAST(FLOOR((EXTRACT(EPOCH FROM " + column + ") + " + offset + ") / 86400) AS INT)";
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
