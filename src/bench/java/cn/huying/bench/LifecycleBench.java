package cn.huying.bench;

import cn.huying.cases.CaseCommand;
import cn.huying.cases.Cases;
import cn.huying.cases.NewCase;
import cn.huying.cases.SearchIndexStatus;
import cn.huying.identity.CurrentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part 1: the case lifecycle 上报 → 立案 → 派遣 → 签收 → 办理答复 → 核查 → 结案 through the application's
 * own services ({@link Cases#submit}, {@link Cases#act} as the demo users 顾梅, 张敏 and 李强) against
 * plain JDBC doing only the writes the lifecycle needs on the same schema, one transaction per step:
 * one case insert, six state updates, seven history inserts.
 *
 * <p>Huying's table has no way from 办理答复 to 结案 without 核查 (a dispatcher checks the result, GB/T
 * 30428 核实结案), so both sides run the seven steps; the six-step count is the same loop
 * less the verify step.
 */
final class LifecycleBench {

    private LifecycleBench() {
    }

    static void run(Args args) throws Exception {
        List<Integer> threadCounts = args.integers("threads", "1,2");
        // 30 s: with 10 s the application's rate still rose from run to run (its deep call paths still being compiled)
        int warmup = args.integer("warmup", 30);
        int seconds = args.integer("seconds", 10);
        int runs = args.integer("runs", 3);
        for (BenchDb db : BenchDb.targets(args, "lifecycle")) {
            if (db.isPostgres() || args.flag("fresh", true)) {
                db.deleteDataDir();
            }
            try (ConfigurableApplicationContext ctx = db.boot(Map.of())) {
                runOn(db, ctx, threadCounts, warmup, seconds, runs, args.integer("count-lifecycles", 20));
            }
        }
    }

    private static void runOn(BenchDb db, ConfigurableApplicationContext ctx, List<Integer> threadCounts, int warmup,
                              int seconds, int runs, int counted) throws IOException {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        DataSource ds = ctx.getBean(DataSource.class);
        HuyingLifecycle huying = new HuyingLifecycle(ctx.getBean(Cases.class), jdbc);
        JdbcLifecycle plain = new JdbcLifecycle(ds, jdbc);

        // warm-up: JIT, pools, caches of both paths
        measure(huying::once, 1, warmup);
        measure(plain::once, 1, warmup);

        // statements per lifecycle, counted on a warm single thread
        Statements.start();
        for (int i = 0; i < counted; i++) {
            huying.once();
        }
        Statements.stop();
        Breakdown app = Breakdown.take(counted);
        Statements.start();
        for (int i = 0; i < counted; i++) {
            plain.once();
        }
        Statements.stop();
        Breakdown base = Breakdown.take(counted);
        Path out = BenchDb.ROOT.resolve("lifecycle-statements-" + db.kind() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Huying, per lifecycle:\n" + app.report() + "\nplain JDBC, per lifecycle:\n" + base.report());
        System.out.printf("lifecycle db=%s statements: huying=%.1f jdbc=%.1f commits: huying=%.1f jdbc=%.1f "
                        + "connections: huying=%.1f jdbc=%.1f (breakdown in %s)%n", db.kind(), app.statements(),
                base.statements(), app.commits(), base.commits(), app.connections(), base.connections(),
                BenchDb.ROOT.getParent().getParent().relativize(out));

        SearchIndexStatus searchIndex = ctx.getBeanProvider(SearchIndexStatus.class).getIfAvailable();
        for (int threads : threadCounts) {
            double[] h = new double[runs];
            double[] j = new double[runs];
            for (int r = 0; r < runs; r++) {
                // alternate the two, so that drift of the machine hits both alike; each run starts on a quiet
                // application, so that neither pays for the search index catching up with the other's cases
                settle(searchIndex);
                h[r] = measure(huying::once, threads, seconds);
                settle(searchIndex);
                j[r] = measure(plain::once, threads, seconds);
            }
            double hm = median(h);
            double jm = median(j);
            System.out.printf("lifecycle db=%s threads=%d huying_per_s=%.1f jdbc_per_s=%.1f ratio=%.2f "
                            + "statements_per_lifecycle=%.1f jdbc_statements_per_lifecycle=%.1f runs_huying=%s runs_jdbc=%s%n",
                    db.kind(), threads, hm, jm, hm / jm, app.statements(), base.statements(), fmt(h), fmt(j));
        }
    }

    record Breakdown(double statements, double commits, double connections, double metadata, Map<String, Long> bySql,
                     Map<String, Double> millis, int n, String metadataDetail) {
        static Breakdown take(int n) {
            Map<String, Long> by = Statements.bySql();
            Map<String, Double> ms = new java.util.HashMap<>();
            by.keySet().forEach(k -> ms.put(k, Statements.millis(k)));
            return new Breakdown((double) Statements.total() / n, (double) Statements.calls("commit") / n,
                    (double) Statements.calls("getConnection") / n, (double) (Statements.calls("getParameterMetaData")
                    + Statements.calls("getMetaData") + Statements.calls("Statement.getConnection")) / n, by, ms, n,
                    String.format("  of which getParameterMetaData %.2f, getMetaData %.2f, Statement.getConnection %.2f%n",
                            (double) Statements.calls("getParameterMetaData") / n,
                            (double) Statements.calls("getMetaData") / n,
                            (double) Statements.calls("Statement.getConnection") / n));
        }

        String report() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("  statements %.2f, commits %.2f, connection checkouts %.2f, "
                    + "metadata calls (getParameterMetaData, getMetaData, Statement.getConnection) %.2f%n", statements,
                    commits, connections, metadata));
            sb.append(metadataDetail);
            sb.append("   count  ms/lifecycle  statement\n");
            bySql.forEach((sql, count) -> sb.append(String.format("  %6.2f  %8.3f  %s%n", (double) count / n,
                    millis.get(sql) / n, sql.length() > 220 ? sql.substring(0, 220) + " …" : sql)));
            return sb.toString();
        }
    }

    /** Lifecycles per second of {@code threads} threads looping for {@code seconds}. */
    static double measure(Runnable lifecycle, int threads, int seconds) {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    while (System.nanoTime() < end && failure.get() == null) {
                        lifecycle.run();
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "lifecycle-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("lifecycle failed", failure.get());
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits (up to a minute) until the case search index has caught up with every case written so far.
     * The index is kept by a background thread of the application; with as many lifecycle threads as cores
     * it falls behind during a run and catches up in the next one, which alternates with the other side.
     */
    static void settle(SearchIndexStatus searchIndex) {
        if (searchIndex == null || !searchIndex.ready()) {
            return;
        }
        Instant written = Instant.now();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!searchIndex.caughtUpAt().isAfter(written) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double[] v) {
        return Arrays.stream(v).mapToObj(d -> String.format("%.1f", d)).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** The lifecycle through the application's services, as the demo users. */
    static final class HuyingLifecycle {
        private final Cases cases;
        private final CurrentUser gridWorker;
        private final CurrentUser dispatcher;
        private final CurrentUser handler;
        private final double[] point;
        private final long propertyOffice;

        HuyingLifecycle(Cases cases, JdbcClient jdbc) {
            this.cases = cases;
            this.gridWorker = Demo.user(jdbc, "gumei");
            this.dispatcher = Demo.user(jdbc, "dispatcher");
            this.handler = Demo.user(jdbc, "handler");
            this.point = Demo.pointIn(jdbc, "凤翔小镇社区第一网格第2单元");
            this.propertyOffice = Demo.departmentId(jdbc, "MS-WYB");
        }

        void once() {
            Cases.Submitted s = cases.submit(new NewCase("LIVE_HEATING", null, null, null,
                    "11号楼2单元暖气管道漏水，楼道积水结冰，请尽快维修", point[0], point[1], "凤翔小镇社区11号楼",
                    null, null, null, false, null, List.of(), UUID.randomUUID().toString()), gridWorker);
            long id = s.c().id();
            long v = s.c().version();
            v = cases.act(id, new CaseCommand.Register(v, "已受理"), dispatcher).version();
            v = cases.act(id, new CaseCommand.Dispatch(v, propertyOffice, null, "请物业办处理"), dispatcher).version();
            v = cases.act(id, new CaseCommand.Accept(v, null), handler).version();
            v = cases.act(id, new CaseCommand.Resolve(v, "已更换阀门，恢复供暖", List.of()), handler).version();
            v = cases.act(id, new CaseCommand.Verify(v, "现场核实已修复", List.of()), dispatcher).version();
            cases.act(id, new CaseCommand.Close(v, null), dispatcher);
        }
    }

    /** The same lifecycle as the minimum writes in plain JDBC: per step one UPDATE (or the INSERT) and one history row. */
    static final class JdbcLifecycle {
        private static final String HISTORY = """
                INSERT INTO case_history (case_id, action, from_state, to_state, tier, department_id, actor_id,
                                          actor_name, actor_role, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        private final DataSource ds;
        private final long categoryId;
        private final long regionId;
        private final long townId;
        private final long gridWorkerId;
        private final long dispatcherId;
        private final long handlerId;
        private final long propertyOffice;
        private final String runPrefix = "JB" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        private final AtomicLong seq = new AtomicLong();

        JdbcLifecycle(DataSource ds, JdbcClient jdbc) {
            this.ds = ds;
            // a category of its own: the baseline's thousands of cases a second must not be the application's
            // duplicate candidates (a measuring stick, not load); the writes are the same whatever the category
            this.categoryId = jdbc.sql("SELECT id FROM case_category WHERE code = 'REQ_SUGGEST'").query(Long.class).single();
            this.regionId = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class).single();
            this.townId = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
            this.gridWorkerId = Demo.user(jdbc, "gumei").id();
            this.dispatcherId = Demo.user(jdbc, "dispatcher").id();
            this.handlerId = Demo.user(jdbc, "handler").id();
            this.propertyOffice = Demo.departmentId(jdbc, "MS-WYB");
        }

        void once() {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    lifecycle(c);
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static OffsetDateTime now() {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }

        private void lifecycle(Connection c) throws SQLException {
            OffsetDateTime t = now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO case_file (code, kind, category_id, channel, urgency, title, description, lat, lng, address,
                        region_id, town_id, reporter_user_id, state, tier, tier_path, created_by, idempotency_key,
                        created_at, updated_at, version, open_category_id)
                    VALUES (?, 'LIVELIHOOD', ?, 'GRID_REPORT', 'NORMAL', ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', 'TOWN', 'TOWN',
                            ?, ?, ?, ?, 0, ?)""", new String[]{"id"})) {
                ps.setString(1, runPrefix + "-" + seq.incrementAndGet());
                ps.setLong(2, categoryId);
                ps.setString(3, "供暖管道维修：11号楼2单元暖气管道漏水");
                ps.setString(4, "11号楼2单元暖气管道漏水，楼道积水结冰，请尽快维修");
                ps.setDouble(5, 35.08);
                ps.setDouble(6, 117.2);
                ps.setString(7, "凤翔小镇社区11号楼");
                ps.setLong(8, regionId);
                ps.setLong(9, townId);
                ps.setLong(10, gridWorkerId);
                ps.setLong(11, gridWorkerId);
                ps.setString(12, UUID.randomUUID().toString());
                ps.setObject(13, t);
                ps.setObject(14, t);
                ps.setLong(15, categoryId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            history(c, id, "REPORT", null, "REPORTED", null, gridWorkerId, "顾梅", "GRID_WORKER",
                    "11号楼2单元暖气管道漏水，楼道积水结冰，请尽快维修", t);
            c.commit();
            step(c, id, 0, "UPDATE case_file SET state = 'REGISTERED', updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                    "REGISTER", "REPORTED", "REGISTERED", null, dispatcherId, "张敏", "DISPATCHER", "已受理");
            stepDispatch(c, id);
            step(c, id, 2, "UPDATE case_file SET state = 'ACCEPTED', handler_id = " + handlerId
                            + ", accepted_at = updated_at, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                    "ACCEPT", "DISPATCHED", "ACCEPTED", propertyOffice, handlerId, "李强", "HANDLER", null);
            step(c, id, 3, "UPDATE case_file SET state = 'RESOLVED', reply = '已更换阀门，恢复供暖', resolved_tier = 'TOWN', "
                            + "resolved_at = updated_at, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                    "RESOLVE", "ACCEPTED", "RESOLVED", propertyOffice, handlerId, "李强", "HANDLER", "已更换阀门，恢复供暖");
            step(c, id, 4, "UPDATE case_file SET state = 'VERIFIED', updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                    "VERIFY", "RESOLVED", "VERIFIED", propertyOffice, dispatcherId, "张敏", "DISPATCHER", "现场核实已修复");
            step(c, id, 5, "UPDATE case_file SET state = 'CLOSED', open_category_id = NULL, closed_at = updated_at, updated_at = ?, version = version + 1 "
                            + "WHERE id = ? AND version = ?",
                    "CLOSE", "VERIFIED", "CLOSED", propertyOffice, dispatcherId, "张敏", "DISPATCHER", null);
        }

        private void stepDispatch(Connection c, long id) throws SQLException {
            OffsetDateTime t = now();
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE case_file SET state = 'DISPATCHED', department_id = ?, dispatched_at = ?, updated_at = ?,
                        version = version + 1 WHERE id = ? AND version = ?""")) {
                ps.setLong(1, propertyOffice);
                ps.setObject(2, t);
                ps.setObject(3, t);
                ps.setLong(4, id);
                ps.setLong(5, 1);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("stale");
                }
            }
            history(c, id, "DISPATCH", "REGISTERED", "DISPATCHED", propertyOffice, dispatcherId, "张敏", "DISPATCHER",
                    "请物业办处理", t);
            c.commit();
        }

        private void step(Connection c, long id, long version, String update, String action, String from, String to,
                          Long dept, long actor, String actorName, String role, String note) throws SQLException {
            OffsetDateTime t = now();
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setObject(1, t);
                ps.setLong(2, id);
                ps.setLong(3, version);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("stale");
                }
            }
            history(c, id, action, from, to, dept, actor, actorName, role, note, t);
            c.commit();
        }

        private static void history(Connection c, long id, String action, String from, String to, Long dept,
                                    long actor, String actorName, String role, String note, OffsetDateTime t)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
                ps.setLong(1, id);
                ps.setString(2, action);
                ps.setString(3, from);
                ps.setString(4, to);
                ps.setString(5, "TOWN");
                ps.setObject(6, dept);
                ps.setLong(7, actor);
                ps.setString(8, actorName);
                ps.setString(9, role);
                ps.setString(10, note);
                ps.setObject(11, t);
                ps.executeUpdate();
            }
        }
    }
}
