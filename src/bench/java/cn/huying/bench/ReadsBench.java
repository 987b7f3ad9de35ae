package cn.huying.bench;

import cn.huying.analytics.CaseBoard;
import cn.huying.analytics.DeadlineLedgerFilter;
import cn.huying.analytics.internal.CaseStatsRollup;
import cn.huying.analytics.internal.DeadlineLedgers;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.Cases;
import cn.huying.cases.SearchIndexStatus;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionPathLookup;
import cn.huying.shared.PageRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part 2: the queries people wait on, through the application's own services as the demo users
 * (and a city-wide dispatcher and leader made by {@link Generator}), on a database filled by
 * {@link Generator}. Prints p50/p95/p99 per screen; writes EXPLAIN (ANALYZE, BUFFERS) of every
 * statement of the slow screens (p95 above {@code --slow-ms}, default 50) to
 * {@code target/bench/plans-<db>.txt}.
 */
final class ReadsBench {

    private ReadsBench() {
    }

    record Screen(String name, IntConsumer call) {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "reads"));
        int iterations = args.integer("iterations", 200);
        double slowMs = args.integer("slow-ms", 50);
        boolean allPlans = args.flag("all-plans", false);
        double budget = args.integer("max-seconds", 20);
        int minCalls = args.integer("min-calls", 10);
        // --search-index=false: the list's text search with SQL LIKE (the figures before the index)
        boolean searchIndex = !"false".equals(args.get("search-index", "true"));
        try (ConfigurableApplicationContext ctx = db.boot(Map.of("huying.search.enabled", Boolean.toString(searchIndex)))) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            if (searchIndex) {
                awaitSearchIndex(ctx.getBean(SearchIndexStatus.class), db);
            }
            Generator.ensureUsers(ctx);
            Cases cases = ctx.getBean(Cases.class);
            long total = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
            CurrentUser dispatcher = Demo.user(jdbc, "dispatcher");
            CurrentUser handler = Demo.user(jdbc, "handler");
            CurrentUser leader = Demo.user(jdbc, "leader");
            CurrentUser cityDispatcher = Demo.user(jdbc, "citydispatcher");
            CurrentUser cityLeader = Demo.user(jdbc, "cityleader");
            long town = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();

            // parameters: a spread of the town's cases (codes, ids) and of its open cases with a location
            List<Object[]> sample = jdbc.sql("SELECT id, code FROM case_file WHERE town_id = ? AND MOD(id, 97) = 0")
                    .param(town).query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
            List<Long> open = jdbc.sql("""
                    SELECT id FROM case_file WHERE state IN ('REPORTED', 'DISPATCHED', 'ACCEPTED') AND town_id = ?
                    AND lat IS NOT NULL ORDER BY created_at DESC LIMIT 200""").param(town).query(Long.class).list();
            if (sample.isEmpty() || open.isEmpty()) {
                throw new IllegalStateException("no cases of 木石镇: run `generate` on this database first");
            }
            SplittableRandom random = new SplittableRandom(11);
            LocalDate today = LocalDate.now(Generator.ZONE);

            // the leader's statistics read a daily rollup: bring it up to date first (a database generated
            // before the rollup existed is rolled up here in full) and say how long that took
            CaseStatsRollup.Run rollup = ctx.getBean(CaseStatsRollup.class).refresh(true);
            System.out.printf("reads db=%s stats_rollup rebuilt=%s days=%d rows_written=%d seconds=%.1f%n", db.kind(),
                    rollup.rebuilt(), rollup.days(), rollup.rowsWritten(), rollup.millis() / 1000.0);
            CaseBoard board = ctx.getBean(CaseBoard.class);
            PageRequest first = PageRequest.of(1, 20);
            LocalDate monthFirst = today.withDayOfMonth(1);
            LocalDate yearFirst = today.withDayOfYear(1);
            List<Screen> screens = new ArrayList<>();
            // the command centre: its queue (待受理, page 1, newest first), every queue count of its home page
            screens.add(new Screen("queue_town_to_register", i -> board.queue(CaseBoard.Queue.TO_REGISTER, dispatcher, first)));
            screens.add(new Screen("queue_town_to_dispatch", i -> board.queue(CaseBoard.Queue.TO_DISPATCH, dispatcher, first)));
            screens.add(new Screen("home_counts_town_dispatcher", i -> board.inbox(dispatcher)));
            screens.add(new Screen("queue_city_to_register", i -> board.queue(CaseBoard.Queue.TO_REGISTER, cityDispatcher, first)));
            screens.add(new Screen("home_counts_city_dispatcher", i -> board.inbox(cityDispatcher)));
            screens.add(new Screen("list_town_all", i -> cases.list(query(null, null), dispatcher)));
            screens.add(new Screen("list_city_all", i -> cases.list(query(null, null), cityDispatcher)));
            // a handler's inbox (待签收, 办理中) and home page
            screens.add(new Screen("inbox_to_sign", i -> board.queue(CaseBoard.Queue.TO_SIGN, handler, first)));
            screens.add(new Screen("inbox_to_handle", i -> board.queue(CaseBoard.Queue.TO_HANDLE, handler, first)));
            screens.add(new Screen("home_counts_handler", i -> board.inbox(handler)));
            // the overdue list (红灯) and the yellow one
            screens.add(new Screen("overdue_town", i -> board.queue(CaseBoard.Queue.OVERDUE, dispatcher, first)));
            screens.add(new Screen("overdue_city", i -> board.queue(CaseBoard.Queue.OVERDUE, cityDispatcher, first)));
            screens.add(new Screen("due_soon_town", i -> board.queue(CaseBoard.Queue.DUE_SOON, dispatcher, first)));
            // the leader's home page (在办, 黄灯, 红灯 … badges) and the 红灯 ledger a page at a time
            screens.add(new Screen("home_counts_leader", i -> board.inbox(leader)));
            screens.add(new Screen("home_counts_city_leader", i -> board.inbox(cityLeader)));
            DeadlineLedgers ledgers = ctx.getBean(DeadlineLedgers.class);
            screens.add(new Screen("ledger_red_town", i -> ledgers.ledger("red", DeadlineLedgerFilter.none(),
                    leader, PageRequest.of(0, 20), ledgers.now())));
            screens.add(new Screen("ledger_red_city", i -> ledgers.ledger("red", DeadlineLedgerFilter.none(),
                    cityLeader, PageRequest.of(0, 20), ledgers.now())));
            // one case
            screens.add(new Screen("case_by_code", i -> cases.getByCode((String) sample.get(random.nextInt(sample.size()))[1],
                    dispatcher)));
            screens.add(new Screen("case_history", i -> cases.history((Long) sample.get(random.nextInt(sample.size()))[0],
                    dispatcher)));
            // the leader's figures by state, kind, tier (and channel, trend) for a month and for the year
            screens.add(new Screen("stats_town_month", i -> board.stats(leader, monthFirst, today)));
            screens.add(new Screen("stats_town_year", i -> board.stats(leader, yearFirst, today)));
            screens.add(new Screen("stats_city_month", i -> board.stats(cityLeader, monthFirst, today)));
            screens.add(new Screen("stats_city_year", i -> board.stats(cityLeader, yearFirst, today)));
            // Chinese text search (the list's q), and duplicates: open cases near a point
            screens.add(new Screen("search_town_2chars", i -> cases.list(query(null, "漏水"), dispatcher)));
            screens.add(new Screen("search_town_4chars", i -> cases.list(query(null, "暖气管道"), dispatcher)));
            screens.add(new Screen("search_city_2chars", i -> cases.list(query(null, "漏水"), cityDispatcher)));
            screens.add(new Screen("search_city_4chars", i -> cases.list(query(null, "燃气管道"), cityDispatcher)));
            // the first page of a search, and one with a state filter (the list page's select)
            screens.add(new Screen("search_town_2chars_first_page", i -> cases.list(new CaseQuery(null, null, null, null, null,
                    "漏水", PageRequest.of(0, 20)), dispatcher)));
            screens.add(new Screen("search_city_2chars_closed", i -> cases.list(query(CaseState.CLOSED, "漏水"),
                    cityDispatcher)));
            screens.add(new Screen("duplicates_near_point", i -> cases.duplicates(open.get(random.nextInt(open.size())),
                    dispatcher)));
            Path plans = BenchDb.ROOT.resolve("plans-" + db.kind() + ".txt");
            Files.createDirectories(plans.getParent());
            StringBuilder planText = new StringBuilder();
            List<String> slow = new ArrayList<>();
            DataSource raw = Generator.raw(ctx.getBean(DataSource.class));
            System.out.printf("reads db=%s cases=%d iterations=%d (town 木石镇 has %d cases)%n", db.kind(), total,
                    iterations, jdbc.sql("SELECT COUNT(*) FROM case_file WHERE town_id = ?").param(town)
                            .query(Long.class).single());
            List<String> skip = Arrays.asList(args.get("skip", "").split(","));
            String only = args.get("only", "");
            for (Screen s : screens) {
                if (skip.contains(s.name()) || (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(s.name()))) {
                    continue;
                }
                // warm-up, then the timed calls; a slow screen stops after --max-seconds (at least 10 calls)
                long screenStart = System.nanoTime();
                int warm = Math.max(3, iterations / 10);
                for (int i = 0; i < warm && (System.nanoTime() - screenStart) / 1e9 < budget / 4; i++) {
                    s.call().accept(i);
                }
                double[] all = new double[iterations];
                int done = 0;
                long timedStart = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    s.call().accept(i);
                    all[done++] = (System.nanoTime() - t0) / 1e6;
                    if (done >= minCalls && (System.nanoTime() - timedStart) / 1e9 > budget) {
                        break;
                    }
                }
                double[] ms = Arrays.copyOf(all, done);
                Arrays.sort(ms);
                double p95 = pct(ms, 95);
                System.out.printf("reads db=%s cases=%d query=%s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms n=%d%s%n",
                        db.kind(), total, s.name(), pct(ms, 50), p95, pct(ms, 99), ms[ms.length - 1], ms.length,
                        p95 > slowMs ? "  SLOW" : "");
                if (p95 > slowMs || allPlans) {
                    slow.add(s.name());
                    Statements.capture();
                    s.call().accept(0);
                    planText.append("=== ").append(s.name()).append(String.format(" (p95 %.1f ms)%n", p95));
                    for (Statements.Captured q : Statements.captured()) {
                        planText.append("--- ").append(Statements.fold(q.sql())).append('\n');
                        planText.append("    params: ").append(q.params().stream().map(p -> String.valueOf(p[1]))
                                .toList()).append('\n');
                        planText.append(explain(raw, db, q)).append('\n');
                    }
                    Files.writeString(plans, planText.toString()); // as we go: a long run may be stopped
                }
            }
            Files.writeString(plans, planText.toString());
            System.out.printf("reads db=%s slow=%s plans=%s%n", db.kind(), slow,
                    BenchDb.ROOT.getParent().getParent().relativize(plans));
        }
    }

    /**
     * Waits until the case search index is built (the first run on a database builds it from all
     * cases, under this benchmark's data directory in target/bench), and prints how fast it was built.
     */
    static void awaitSearchIndex(SearchIndexStatus index, BenchDb db) throws InterruptedException {
        long t0 = System.nanoTime();
        long lastPrint = 0;
        while (!index.ready()) {
            Thread.sleep(1000);
            long now = System.nanoTime();
            if (now - lastPrint > 30_000_000_000L) {
                lastPrint = now;
                System.out.printf("search-index db=%s building docs=%d docs_per_s=%.0f%n", db.kind(), index.documents(),
                        index.rebuildDocsPerSecond());
            }
        }
        System.out.printf("search-index db=%s ready docs=%d rebuild_docs_per_s=%.0f waited_s=%.0f dir=%s%n", db.kind(),
                index.documents(), index.rebuildDocsPerSecond(), (System.nanoTime() - t0) / 1e9,
                BenchDb.ROOT.getParent().getParent().relativize(db.dataDir().resolve("index/cases")));
    }

    static CaseQuery query(CaseState state, String q) {
        return new CaseQuery(state, null, null, null, null, q, PageRequest.of(1, 20));
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, with the same parameters bound. */
    static String explain(DataSource ds, BenchDb db, Statements.Captured q) {
        String prefix = db.isPostgres() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(prefix + q.sql())) {
            for (Object[] p : q.params()) {
                int index = (Integer) p[0];
                if (p[1] == null) {
                    ps.setNull(index, p[2] instanceof Integer type ? type : java.sql.Types.NULL);
                } else {
                    ps.setObject(index, p[1]);
                }
            }
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append("    ").append(rs.getString(1)).append('\n');
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            return "    (EXPLAIN failed: " + e.getMessage() + ")\n";
        }
    }

}
