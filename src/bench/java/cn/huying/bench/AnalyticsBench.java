package cn.huying.bench;

import cn.huying.analytics.internal.Dashboard;
import cn.huying.analytics.internal.WeeklyReports;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.assessment.internal.RateRollup;
import cn.huying.identity.CurrentUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assessment and analytics at scale (issue 27): on a database filled by {@link Generator}, the pages a leader waits
 * on, through the application's own services, each beside a plain SQL aggregate over the same rows (the baseline),
 * called in turns in this process; p50/p95/p99 of each and the ratio of the p95s. Run with
 * {@code -Dbench.heap=-Xmx512m} (the heap is printed).
 *
 * <ul>
 *   <li>{@code rates_county_year}: every rate of the county (滕州市: 木石镇 and nine generated towns) for the last full
 *       calendar year with the year before beside, as the page shows it ({@link Rates#rates});</li>
 *   <li>{@code weekly_report_town} / {@code _county}: last week's report of 木石镇 / the county generated, Word document
 *       included, and kept, as {@code POST /api/analytics/weekly-reports} does ({@link WeeklyReports#generate});</li>
 *   <li>{@code hot_issues_county_month}: the county's top 20 issues of the last full month, with the month before for
 *       "rising" ({@link Dashboard#hot}).</li>
 * </ul>
 * With {@code --direct=true} the rates are first measured without the rollup (as before it existed; few calls), then
 * the rollup is built (timed) and everything measured.
 */
final class AnalyticsBench {

    private AnalyticsBench() {
    }

    record Pair(String name, Runnable page, Runnable baseline) {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "analytics"));
        int iterations = args.integer("iterations", 20);
        double budget = args.integer("max-seconds", 120);
        int minCalls = args.integer("min-calls", 5);
        // the scheduled rollup job stays off: this benchmark builds the rollup when it says so
        try (ConfigurableApplicationContext ctx = db.boot(Map.of("huying.assessment.rollup-enabled", "false",
                "huying.search.enabled", "false"))) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DataSource raw = Generator.raw(ctx.getBean(DataSource.class));
            Generator.ensureUsers(ctx);
            CurrentUser cityLeader = Demo.user(jdbc, "cityleader");
            long town = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
            long county = jdbc.sql("SELECT parent_id FROM region WHERE id = ?").param(town).query(Long.class).single();
            String townPath = path(jdbc, town);
            String countyPath = path(jdbc, county);
            LocalDate today = LocalDate.now(Generator.ZONE);
            int year = today.getYear() - 1;
            LocalDate yearFrom = LocalDate.of(year, 1, 1);
            LocalDate yearTo = LocalDate.of(year, 12, 31);
            LocalDate week = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(
                    today.getDayOfWeek() == DayOfWeek.MONDAY ? 0 : 1);
            YearMonth month = YearMonth.from(today).minusMonths(1);
            long total = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
            System.out.printf("analytics db=%s cases=%d heap_max_mb=%d county=%s (%d cases in %d) town=%s (%d cases in"
                            + " week %s) month=%s%n", db.kind(), total, Runtime.getRuntime().maxMemory() / 1024 / 1024,
                    county, count(jdbc, countyPath, yearFrom, yearTo), year, town,
                    count(jdbc, townPath, week, week.plusDays(6)), week, month);

            Rates rates = ctx.getBean(Rates.class);
            WeeklyReports reports = ctx.getBean(WeeklyReports.class);
            Dashboard dashboard = ctx.getBean(Dashboard.class);
            RateRollup rollup = ctx.getBean(RateRollup.class);
            RateFilter countyYear = new RateFilter(county, null, null, null, null, yearFrom, yearTo);
            // the baselines: one aggregate over the same cases (the region's, received in the period), the year
            // before too where the page shows it; the hot issues' baseline reads the same texts (their length summed)
            Runnable ratesBaseline = () -> {
                aggregate(raw, countyPath, yearFrom, yearTo);
                aggregate(raw, countyPath, yearFrom.minusYears(1), yearTo.minusYears(1));
            };
            if (args.flag("direct", false)) {
                jdbc.sql("UPDATE assessment_rate_job SET built_at = NULL WHERE id = 1").update();
                measure(db, "rates_county_year_direct", () -> rates.rates(countyYear, cityLeader), ratesBaseline,
                        args.integer("direct-iterations", 3), budget, 1);
            }
            RateRollup.Run built = rollup.refresh(true, Integer.MAX_VALUE);
            if (!built.ran() || !isBuilt(jdbc)) {
                built = rollup.build();
            }
            System.out.printf("analytics db=%s rate_rollup built=%s cases=%d seconds=%.1f rows=%d%n", db.kind(),
                    built.built(), built.cases(), built.millis() / 1000.0,
                    jdbc.sql("SELECT COUNT(*) FROM assessment_rate_daily").query(Long.class).single());

            List<Pair> pairs = new ArrayList<>();
            pairs.add(new Pair("rates_county_year", () -> rates.rates(countyYear, cityLeader), ratesBaseline));
            pairs.add(new Pair("weekly_report_town", () -> reports.generate(week, town, cityLeader),
                    () -> aggregate(raw, townPath, week, week.plusDays(6))));
            pairs.add(new Pair("weekly_report_county", () -> reports.generate(week, county, cityLeader),
                    () -> aggregate(raw, countyPath, week, week.plusDays(6))));
            pairs.add(new Pair("hot_issues_county_month", () -> dashboard.hot(month.atDay(1), month.atEndOfMonth(), county,
                    20, cityLeader), () -> {
                        texts(raw, countyPath, month.atDay(1), month.atEndOfMonth());
                        texts(raw, countyPath, month.atDay(1).minusDays(month.lengthOfMonth()), month.atDay(1).minusDays(1));
                    }));
            List<String> only = Arrays.asList(args.get("only", "").split(","));
            for (Pair p : pairs) {
                if (only.get(0).isEmpty() || only.contains(p.name())) {
                    measure(db, p.name(), p.page(), p.baseline(), iterations, budget, minCalls);
                }
            }
        }
    }

    private static boolean isBuilt(JdbcClient jdbc) {
        return jdbc.sql("SELECT built_at FROM assessment_rate_job WHERE id = 1").query(OffsetDateTime.class).optional()
                .isPresent();
    }

    /** Page and baseline in turns: warm-up, then up to n calls each (at least minCalls, else within the budget). */
    static void measure(BenchDb db, String name, Runnable page, Runnable baseline, int n, double budget, int minCalls) {
        page.run();
        baseline.run();
        double[] pageMs = new double[n];
        double[] baseMs = new double[n];
        int done = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            page.run();
            long t1 = System.nanoTime();
            baseline.run();
            long t2 = System.nanoTime();
            pageMs[done] = (t1 - t0) / 1e6;
            baseMs[done++] = (t2 - t1) / 1e6;
            if (done >= minCalls && (System.nanoTime() - start) / 1e9 > budget) {
                break;
            }
        }
        double[] p = Arrays.copyOf(pageMs, done);
        double[] b = Arrays.copyOf(baseMs, done);
        Arrays.sort(p);
        Arrays.sort(b);
        System.out.printf("analytics db=%s page=%s p50=%.1fms p95=%.1fms p99=%.1fms | baseline p50=%.1fms p95=%.1fms"
                        + " | page/baseline p95=%.2f n=%d%n", db.kind(), name, ReadsBench.pct(p, 50), ReadsBench.pct(p, 95),
                ReadsBench.pct(p, 99), ReadsBench.pct(b, 50), ReadsBench.pct(b, 95),
                ReadsBench.pct(p, 95) / ReadsBench.pct(b, 95), done);
    }

    private static String path(JdbcClient jdbc, long region) {
        return jdbc.sql("SELECT path FROM region WHERE id = ?").param(region).query(String.class).single();
    }

    private static long count(JdbcClient jdbc, String path, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM case_file c JOIN region r ON r.id = c.region_id
                 WHERE r.path LIKE ? AND c.created_at >= ? AND c.created_at < ?""")
                .params(path + "%", start(from), start(to.plusDays(1))).query(Long.class).single();
    }

    /** The plain aggregate: the region's cases received in the period (the indexed receipt time), counted with their outcomes. */
    private static void aggregate(DataSource ds, String path, LocalDate from, LocalDate to) {
        query(ds, """
                SELECT COUNT(*), COUNT(c.closed_at), COUNT(c.resolved_at), COUNT(c.dispatched_at), COUNT(c.satisfaction),
                       SUM(CASE WHEN c.resolved_at <= c.due_at THEN 1 ELSE 0 END), SUM(c.rework_count)
                  FROM case_file c JOIN region r ON r.id = c.region_id
                 WHERE r.path LIKE ? AND COALESCE(c.received_at, c.created_at) >= ?
                   AND COALESCE(c.received_at, c.created_at) < ?""", path, from, to);
    }

    /** The hot issues' baseline: the same texts read (their lengths summed). */
    private static void texts(DataSource ds, String path, LocalDate from, LocalDate to) {
        query(ds, """
                SELECT COUNT(*), SUM(LENGTH(c.description)) FROM case_file c JOIN region r ON r.id = c.region_id
                 WHERE r.path LIKE ? AND COALESCE(c.received_at, c.created_at) >= ?
                   AND COALESCE(c.received_at, c.created_at) < ? AND c.state <> 'MERGED'""",
                path, from, to);
    }

    private static void query(DataSource ds, String sql, String path, LocalDate from, LocalDate to) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, path + "%");
            s.setObject(2, start(from));
            s.setObject(3, start(to.plusDays(1)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(Generator.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
