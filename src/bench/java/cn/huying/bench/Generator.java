package cn.huying.bench;

import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part 2: fills a database with N cases shaped like the application's own: generated towns (each
 * with villages, grids and departments) around the demo town 木石镇, the category tree, states by
 * age, tiers, departments, timestamps, Chinese titles and descriptions, and the history rows each
 * state implies. PostgreSQL: {@code COPY} with secondary indexes dropped and rebuilt afterwards,
 * then {@code VACUUM ANALYZE}; H2: batched inserts. Progress bar on stderr.
 */
final class Generator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int CASES_PER_TOWN = 50_000;
    static final int VILLAGES_PER_TOWN = 8;
    static final int GRIDS_PER_VILLAGE = 4;
    static final int YEARS = 3;

    private Generator() {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "reads"));
        long n = args.number("cases", db.isPostgres() ? 10_000_000L : 1_000_000L);
        // H2: a new database unless --fresh=false; PostgreSQL: the data directory only when the database is new
        if (db.isPostgres() || args.flag("fresh", true)) {
            db.deleteDataDir();
        }
        try (ConfigurableApplicationContext ctx = db.boot(Map.of())) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long have = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
            if (have >= n && !args.flag("force", false)) {
                System.out.printf("generate db=%s: %d cases there already (wanted %d); --force=true adds more%n",
                        db.kind(), have, n);
                ensureUsers(ctx);
                return;
            }
            long started = System.nanoTime();
            Generator.World world = World.build(jdbc, ctx.getBean(DataSource.class), n, db.isPostgres());
            ensureUsers(ctx);
            CaseRows rows = new CaseRows(world, n, args.number("seed", 7));
            rows.openShare = Double.parseDouble(args.get("open-share", "-1"));
            rows.dueShare = Double.parseDouble(args.get("due-share", "0"));
            jdbc.sql("SELECT prefix, seq_day, last_value FROM case_code_seq").query((rs, i) -> rows.daySeq.put(
                    rs.getString(1) + "/" + rs.getObject(2, LocalDate.class), new int[]{rs.getInt(3)})).list();
            if (db.isPostgres()) {
                loadPostgres(ctx.getBean(DataSource.class), rows, n);
            } else {
                loadH2(ctx.getBean(DataSource.class), rows, n);
            }
            System.out.printf("generate db=%s cases=%d history=%d extensions=%d progress=%d towns=%d seconds=%.0f%n",
                    db.kind(), n, rows.historyRows, rows.extensionRows, rows.progressRows, world.towns.size(),
                    (System.nanoTime() - started) / 1e9);
            // the leader's statistics: the daily rollup of what was just loaded
            cn.huying.analytics.internal.CaseStatsRollup.Run rollup = ctx.getBean(cn.huying.analytics.internal.CaseStatsRollup.class)
                    .refresh(true);
            System.out.printf("generate db=%s stats_rollup rebuilt=%s days=%d rows_written=%d seconds=%.1f%n", db.kind(),
                    rollup.rebuilt(), rollup.days(), rollup.rowsWritten(), rollup.millis() / 1000.0);
        }
    }

    /** Users the read benchmark acts as, besides the demo ones: a city-wide dispatcher and leader. */
    static void ensureUsers(ConfigurableApplicationContext ctx) {
        UserAccounts users = ctx.getBean(UserAccounts.class);
        if (users.findByUsername("citydispatcher").isEmpty()) {
            users.create(new UserAccounts.NewUser("citydispatcher", "市级派遣员", "Huying@2026", Set.of(Roles.DISPATCHER),
                    null, null));
        }
        if (users.findByUsername("cityleader").isEmpty()) {
            users.create(new UserAccounts.NewUser("cityleader", "市级领导", "Huying@2026", Set.of(Roles.LEADER), null,
                    null));
        }
    }

    // ---- the world: towns, grids, departments, users --------------------------------------------

    record Grid(long id, double minLat, double minLng, double maxLat, double maxLng, String villageName) {
    }

    record Town(long id, String abbr, String name, List<Grid> grids, List<Long> departments, double weight) {
    }

    record Category(long id, String code, String name, String kind, String defaultTier) {
    }

    static final class World {
        final List<Town> towns = new ArrayList<>();
        final List<Category> categories = new ArrayList<>();
        long gridWorker;
        long dispatcher;
        long handler;
        long cadre;
        long hotline;
        long firstCaseId;
        long firstHistoryId;
        /** The active time-limit rule set: the cases were judged by it (the read model takes its dispatch limit). */
        Integer ruleVersion;

        static World build(JdbcClient jdbc, DataSource ds, long n, boolean postgres) throws SQLException {
            World w = new World();
            w.gridWorker = Demo.user(jdbc, "gumei").id();
            w.dispatcher = Demo.user(jdbc, "dispatcher").id();
            w.handler = Demo.user(jdbc, "handler").id();
            w.cadre = Demo.user(jdbc, "cadre").id();
            w.hotline = Demo.user(jdbc, "hotline").id();
            jdbc.sql("SELECT id, code, name, kind, default_tier FROM case_category WHERE parent_id IS NOT NULL ORDER BY id")
                    .query((rs, i) -> new Category(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list().forEach(w.categories::add);

            // the demo town 木石镇 with its basic grids and departments, at twice a town's share
            long msId = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
            String msPath = jdbc.sql("SELECT path FROM region WHERE id = ?").param(msId).query(String.class).single();
            List<Grid> msGrids = jdbc.sql("""
                    SELECT g.id, g.min_lat, g.min_lng, g.max_lat, g.max_lng, v.name FROM region g JOIN region v ON v.id = g.parent_id
                    WHERE g.type = 'BASIC_GRID' AND g.path LIKE ? ORDER BY g.id""").param(msPath + "%")
                    .query((rs, i) -> new Grid(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getString(6))).list();
            List<Long> msDepts = jdbc.sql("SELECT d.id FROM department d WHERE d.region_id = ? ORDER BY d.id").param(msId)
                    .query(Long.class).list();
            w.towns.add(new Town(msId, "MS", "木石镇", msGrids, msDepts, 2.0));

            int generated = (int) Math.max(4, n / CASES_PER_TOWN) - 1;
            long existing = jdbc.sql("SELECT COUNT(*) FROM region WHERE code LIKE 'BENCH-%'").query(Long.class).single();
            if (existing == 0) {
                createTowns(jdbc, ds, generated, postgres);
            }
            List<Map<String, Object>> towns = jdbc.sql("SELECT id, abbr, name FROM region WHERE type = 'TOWN' AND code LIKE 'BENCH-%' ORDER BY id")
                    .query().listOfRows();
            for (Map<String, Object> t : towns) {
                long id = ((Number) t.get("id")).longValue();
                String path = jdbc.sql("SELECT path FROM region WHERE id = ?").param(id).query(String.class).single();
                List<Grid> grids = jdbc.sql("""
                        SELECT g.id, g.min_lat, g.min_lng, g.max_lat, g.max_lng, v.name FROM region g JOIN region v ON v.id = g.parent_id
                        WHERE g.type = 'BASIC_GRID' AND g.path LIKE ? ORDER BY g.id""").param(path + "%")
                        .query((rs, i) -> new Grid(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getString(6))).list();
                List<Long> depts = jdbc.sql("SELECT id FROM department WHERE region_id = ? ORDER BY id").param(id)
                        .query(Long.class).list();
                w.towns.add(new Town(id, (String) t.get("abbr"), (String) t.get("name"), grids, depts, 1.0));
            }
            w.ruleVersion = jdbc.sql("SELECT MAX(version) FROM time_limit_rule_set WHERE active = TRUE")
                    .query(Integer.class).single();
            w.firstCaseId = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM case_file").query(Long.class).single();
            w.firstHistoryId = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM case_history").query(Long.class).single();
            return w;
        }

        /** Counties of ten towns each (the first under 滕州市 beside 木石镇), villages, basic grids, departments. */
        private static void createTowns(JdbcClient jdbc, DataSource ds, int towns, boolean postgres) throws SQLException {
            long countyTz = jdbc.sql("SELECT id FROM region WHERE name = '滕州市'").query(Long.class).single();
            long next = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM region").query(Long.class).single();
            long nextDept = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM department").query(Long.class).single();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                PreparedStatement region = c.prepareStatement("""
                        INSERT INTO region (id, code, name, abbr, type, parent_id, path, depth, min_lat, min_lng, max_lat,
                                            max_lng, retired, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 0, ?, ?)""");
                PreparedStatement dept = c.prepareStatement("""
                        INSERT INTO department (id, code, name, kind, region_id, retired, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, FALSE, 0, ?, ?)""");
                long county = countyTz;
                String countyPath = jdbc.sql("SELECT path FROM region WHERE id = ?").param(countyTz).query(String.class).single();
                for (int t = 0; t < towns; t++) {
                    if (t >= 9 && (t - 9) % 10 == 0) {
                        county = next++;
                        int k = (t - 9) / 10 + 1;
                        countyPath = "/" + county + "/";
                        addRegion(region, county, "BENCH-C" + k, "测试县" + k, "C" + k, "COUNTY", null, countyPath, 0,
                                null, now);
                    }
                    long town = next++;
                    String townPath = countyPath + town + "/";
                    double lat0 = 34.0 + (t / 20) * 0.1;
                    double lng0 = 116.0 + (t % 20) * 0.1;
                    String townName = TOWN_NAMES[t % TOWN_NAMES.length] + (t / TOWN_NAMES.length + 1) + "镇";
                    addRegion(region, town, "BENCH-T" + t, townName, String.format("G%03d", t), "TOWN", county, townPath,
                            1, new double[]{lat0, lng0, lat0 + 0.08, lng0 + 0.08}, now);
                    for (int v = 0; v < VILLAGES_PER_TOWN; v++) {
                        long village = next++;
                        String villagePath = townPath + village + "/";
                        double vLat = lat0 + (v / 4) * 0.04;
                        double vLng = lng0 + (v % 4) * 0.02;
                        String villageName = VILLAGE_NAMES[(t + v) % VILLAGE_NAMES.length] + (v % 2 == 0 ? "村" : "社区");
                        addRegion(region, village, "BENCH-T" + t + "-V" + v, villageName, null, "VILLAGE", town,
                                villagePath, 2, new double[]{vLat, vLng, vLat + 0.04, vLng + 0.02}, now);
                        for (int g = 0; g < GRIDS_PER_VILLAGE; g++) {
                            long grid = next++;
                            double gLat = vLat + (g / 2) * 0.02;
                            double gLng = vLng + (g % 2) * 0.01;
                            addRegion(region, grid, "BENCH-T" + t + "-V" + v + "-G" + g, villageName + "第" + "一二三四".charAt(g) + "网格",
                                    null, "BASIC_GRID", village, villagePath + grid + "/", 3,
                                    new double[]{gLat, gLng, gLat + 0.02, gLng + 0.01}, now);
                        }
                    }
                    String[][] kinds = {{"PROPERTY", "物业办"}, {"URBAN_MANAGEMENT", "城管中队"}, {"GOVERNANCE", "综治办"}};
                    for (String[] k : kinds) {
                        dept.setLong(1, nextDept++);
                        dept.setString(2, "BENCH-T" + t + "-" + k[0]);
                        dept.setString(3, townName + k[1]);
                        dept.setString(4, k[0]);
                        dept.setLong(5, town);
                        dept.setObject(6, now);
                        dept.setObject(7, now);
                        dept.addBatch();
                    }
                    if (t % 10 == 9) {
                        region.executeBatch();
                        dept.executeBatch();
                    }
                }
                region.executeBatch();
                dept.executeBatch();
                c.commit();
                try (Statement s = c.createStatement()) {
                    restartIdentity(s, "region", next, postgres);
                    restartIdentity(s, "department", nextDept, postgres);
                }
                c.commit();
            }
        }

        private static void addRegion(PreparedStatement ps, long id, String code, String name, String abbr, String type,
                                      Long parent, String path, int depth, double[] box, OffsetDateTime now)
                throws SQLException {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setString(4, abbr);
            ps.setString(5, type);
            ps.setObject(6, parent);
            ps.setString(7, path);
            ps.setInt(8, depth);
            for (int i = 0; i < 4; i++) {
                ps.setObject(9 + i, box == null ? null : box[i]);
            }
            ps.setObject(13, now);
            ps.setObject(14, now);
            ps.addBatch();
        }
    }

    static void restartIdentity(Statement s, String table, long next, boolean postgres) throws SQLException {
        if (postgres) {
            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")");
        } else {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    // ---- the cases ------------------------------------------------------------------------------

    /** Produces the rows of case i and its history, in id order and (nearly) time order. */
    static final class CaseRows {
        final World w;
        final long n;
        final SplittableRandom random;
        final Instant now = Instant.now();
        final Instant start = now.minus(Duration.ofDays(365L * YEARS));
        final double[] townCumulative;
        /** Last number of each town prefix and day, continuing what the database has (case_code_seq). */
        final Map<String, int[]> daySeq = new HashMap<>();
        long historyId;
        long historyRows;
        /** Share of cases left open whatever their age (deadline benchmark); negative: states by age. */
        double openShare = -1;
        /** Of the open cases, the share whose next deadline light is due now (the sweep has work). */
        double dueShare = 0;
        /** Approved extensions 延期 and staged progress 阶段性进展 of the cases made since the loader last took them. */
        final List<Object[]> extensions = new ArrayList<>();
        final List<Object[]> progress = new ArrayList<>();
        long extensionRows;
        long progressRows;

        CaseRows(World w, long n, long seed) {
            this.w = w;
            this.n = n;
            this.random = new SplittableRandom(seed);
            this.historyId = w.firstHistoryId;
            double total = w.towns.stream().mapToDouble(Town::weight).sum();
            townCumulative = new double[w.towns.size()];
            double acc = 0;
            for (int i = 0; i < w.towns.size(); i++) {
                acc += w.towns.get(i).weight() / total;
                townCumulative[i] = acc;
            }
        }

        Town pickTown() {
            double r = random.nextDouble();
            for (int i = 0; i < townCumulative.length; i++) {
                if (r < townCumulative[i]) {
                    return w.towns.get(i);
                }
            }
            return w.towns.get(w.towns.size() - 1);
        }

        /** One case: its column values (in {@link #CASE_COLUMNS} order) and its history rows. */
        void next(long i, List<Object[]> caseOut, List<Object[]> historyOut) {
            long id = w.firstCaseId + i;
            // ids rise with time, like a real table; a little jitter within a few minutes
            // the deadline benchmark's open cases are of the last five days, so the sweep watches every one
            Instant since = openShare >= 0 ? now.minus(Duration.ofDays(5)) : start;
            Instant created = since.plusMillis((long) ((double) i / n * Duration.between(since, now).toMillis()))
                    .minusSeconds(random.nextInt(300));
            Town town = pickTown();
            Grid grid = town.grids().get(random.nextInt(town.grids().size()));
            Category cat = w.categories.get(pickCategory(LocalDate.ofInstant(created, ZONE).getMonthValue()));
            double lat = grid.minLat() + random.nextDouble() * (grid.maxLat() - grid.minLat());
            double lng = grid.minLng() + random.nextDouble() * (grid.maxLng() - grid.minLng());
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            boolean gridReport = channel.equals("GRID_REPORT");
            String urgency = random.nextInt(100) < 3 ? "URGENT" : random.nextInt(100) < 1 ? "EMERGENCY" : "NORMAL";
            String description = describe(grid, cat);
            String title = cat.name() + "：" + (description.length() > 30 ? description.substring(0, 30) + "…" : description);
            LocalDate day = LocalDate.ofInstant(created, ZONE);
            String code = town.abbr() + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%04d", nextSeq(town.abbr(), day));
            long ageDays = Duration.between(created, now).toDays();
            String state = openShare >= 0 ? (random.nextDouble() < openShare ? OPEN[random.nextInt(OPEN.length)]
                    : "CLOSED") : pickState(ageDays);
            boolean onSpot = gridReport && random.nextInt(100) < 25 && isDone(state);
            long reporter = gridReport ? w.gridWorker : w.hotline;
            String phoneMask = gridReport ? null : "13" + random.nextInt(10) + "****" + String.format("%04d", random.nextInt(10000));

            // walk the steps that lead to this state, writing history as we go
            // about one dispatch in twenty is returned 回退 by the department and dispatched again; about one resolution
            // in twenty-five is reopened 重办 (rework) and resolved again
            boolean returned = random.nextInt(100) < 5;
            boolean reopened = random.nextInt(100) < 4;
            List<String[]> steps = steps(state, onSpot, returned, reopened);
            int reworkCount = 0;
            int unsatisfiedCount = 0;
            Instant t = created;
            String tier = onSpot ? "GRID" : gridReport && cat.defaultTier().equals("GRID") ? "GRID" : "TOWN";
            String tierPath = tier;
            Long department = null;
            Long handler = null;
            Instant dispatched = null;
            Instant accepted = null;
            Instant resolved = null;
            Instant closed = null;
            String resolvedTier = null;
            String reply = null;
            String satisfaction = null;
            String from = null;
            int version = 0;
            for (int s = 0; s < steps.size(); s++) {
                String action = steps.get(s)[0];
                String to = steps.get(s)[1];
                if (s > 0) {
                    t = t.plusSeconds(600 + random.nextInt(ageDays > 2 ? 36 * 3600 : 3600));
                    if (t.isAfter(now)) {
                        t = now.minusSeconds(steps.size() - s);
                    }
                    version++;
                }
                long actor = w.dispatcher;
                String actorName = "张敏";
                String role = "DISPATCHER";
                String note = null;
                switch (action) {
                    case "REPORT" -> {
                        actor = reporter;
                        actorName = gridReport ? "顾梅" : "12345热线对接";
                        role = gridReport ? "GRID_WORKER" : "SYSTEM";
                        note = description;
                    }
                    case "REGISTER" -> {
                        if (!tier.equals("TOWN")) {
                            tier = "TOWN";
                            tierPath = tierPath + ",TOWN";
                        }
                        note = "已受理";
                    }
                    case "DISPATCH" -> {
                        department = town.departments().get(random.nextInt(town.departments().size()));
                        dispatched = t;
                        note = "请按时限办理";
                    }
                    case "ACCEPT" -> {
                        handler = w.handler;
                        accepted = t;
                        actor = w.handler;
                        actorName = "李强";
                        role = "HANDLER";
                    }
                    case "RESOLVE", "RESOLVE_ON_SPOT" -> {
                        resolvedTier = tier;
                        resolved = t;
                        reply = REPLIES[random.nextInt(REPLIES.length)];
                        note = reply;
                        if (action.equals("RESOLVE")) {
                            actor = w.handler;
                            actorName = "李强";
                            role = "HANDLER";
                        } else {
                            actor = w.gridWorker;
                            actorName = "顾梅";
                            role = "GRID_WORKER";
                        }
                    }
                    case "VERIFY" -> note = "现场核实";
                    case "CLOSE" -> closed = t;
                    case "REVISIT" -> {
                        int r = random.nextInt(100);
                        satisfaction = r < 80 ? "SATISFIED" : r < 94 ? "BASICALLY_SATISFIED" : "UNSATISFIED";
                        note = satisfaction.equals("SATISFIED") ? "满意" : satisfaction.equals("UNSATISFIED") ? "不满意"
                                : "基本满意";
                        unsatisfiedCount = satisfaction.equals("UNSATISFIED") ? 1 : 0;
                    }
                    case "REOPEN" -> {
                        reworkCount++;
                        resolved = null;
                        resolvedTier = null;
                        note = "核查未通过，重新办理";
                    }
                    case "REJECT", "PARK", "TRANSFER", "RETURN", "ESCALATE" -> note = "理由：" + REASONS[random.nextInt(REASONS.length)];
                    case "MERGE" -> note = "并入主件";
                    default -> {
                    }
                }
                if (action.equals("RETURN")) {
                    department = null;
                    handler = null;
                }
                if (action.equals("ESCALATE")) {
                    tier = "VILLAGE";
                    tierPath = tierPath + ",VILLAGE";
                }
                historyOut.add(new Object[]{historyId++, id, action, from, to, tier, department, actor, actorName, role,
                        note, null, t});
                historyRows++;
                from = to;
            }
            // deadlines (限时办结): five working days ≈ seven calendar days, yellow a day before, red a day after;
            // an open case is watched by the sweep from its next light change on
            Instant due = created.plus(Duration.ofDays(7));
            // one dispatched case in thirty had an extension 延期 of three working days approved two days after dispatch
            if (dispatched != null && random.nextInt(100) < 3) {
                Instant asked = dispatched.plus(Duration.ofDays(2));
                Instant extended = due.plus(Duration.ofDays(5));
                if (asked.isBefore(now)) {
                    extensions.add(new Object[]{id, 3, "需协调多个部门，申请延期", "APPROVED", w.handler, asked, due, extended,
                            w.dispatcher, asked.plusSeconds(3600), "同意延期"});
                    extensionRows++;
                    due = extended;
                }
            }
            Instant yellow = due.minus(Duration.ofDays(1));
            Instant red = due.plus(Duration.ofDays(1));
            boolean isOpen = !isFinished(state);
            int level = !isOpen ? 0 : now.isAfter(red) ? 2 : now.isAfter(yellow) ? 1 : 0;
            Instant nextSla = !isOpen || level == 2 ? null : level == 1 ? red : yellow;
            if (isOpen && random.nextDouble() < dueShare) {
                // its yellow light came up within the last hour and no sweep has seen it yet
                yellow = now.minusSeconds(1 + random.nextInt(3600));
                due = yellow.plus(Duration.ofDays(1));
                red = due.plus(Duration.ofDays(1));
                level = 0;
                nextSla = yellow;
            }
            // an overdue case: half of them have reported their staged progress 阶段性进展 (reason, next steps, date)
            if (isOpen && now.isAfter(due) && random.nextInt(2) == 0) {
                progress.add(new Object[]{id, REASONS[random.nextInt(REASONS.length)], "已约谈责任单位，限期整改",
                        LocalDate.ofInstant(now, ZONE).plusDays(3 + random.nextInt(10)), w.handler, now.minusSeconds(
                                random.nextInt(86_400))});
                progressRows++;
            }
            // hotline cases carry a first-contact deadline 首次联系 of a day; nine in ten are contacted in time
            boolean hotlineCase = channel.equals("HOTLINE_12345") || channel.equals("PROVINCIAL_HOTLINE");
            Instant contactDue = hotlineCase ? created.plus(Duration.ofDays(1)) : null;
            Instant contacted = !hotlineCase || ageDays < 1 && random.nextBoolean() ? null
                    : created.plusSeconds(random.nextInt(100) < 90 ? 600 + random.nextInt(20 * 3600)
                    : 86_400 + random.nextInt(86_400));
            if (contacted != null && contacted.isAfter(now)) {
                contacted = null;
            }
            caseOut.add(new Object[]{id, code, cat.kind(), cat.id(), channel, urgency, title, description, lat, lng,
                    grid.villageName() + (1 + random.nextInt(30)) + "号楼", grid.id(), town.id(),
                    gridReport ? w.gridWorker : null, null, null, phoneMask, phoneMask == null ? null : phoneMask.substring(7),
                    state, tier, tierPath, resolvedTier, department, handler, null, reworkCount, unsatisfiedCount,
                    satisfaction, reply, reporter, null, created, t, dispatched, accepted, resolved, closed, version,
                    created, due, yellow, red, level, nextSla, w.ruleVersion, contactDue, contacted});
        }

        private int nextSeq(String prefix, LocalDate day) {
            return ++daySeq.computeIfAbsent(prefix + "/" + day, k -> new int[]{0})[0];
        }

        private int pickCategory(int month) {
            // the seasons move the texts: heating in the heating season (November to March), noise and water in summer,
            // so that the hot issues rise and fall over the year
            int season = random.nextInt(100);
            if (season < 12 && (month >= 11 || month <= 3)) {
                return categoryIndex("LIVE_HEATING");
            }
            if (season < 8 && month >= 6 && month <= 8) {
                return categoryIndex(random.nextBoolean() ? "REQ_COMPLAINT" : "LIVE_WATER_POWER");
            }
            // a few categories dominate, as in every hotline (heating, sanitation, property, complaints)
            int r = random.nextInt(100);
            int size = w.categories.size();
            return r < 40 ? random.nextInt(Math.min(6, size)) * 2 % size : random.nextInt(size);
        }

        private int categoryIndex(String code) {
            for (int i = 0; i < w.categories.size(); i++) {
                if (w.categories.get(i).code().equals(code)) {
                    return i;
                }
            }
            return random.nextInt(w.categories.size());
        }

        private String pickState(long ageDays) {
            int r = random.nextInt(1000);
            if (ageDays > 30) {
                return r < 560 ? "CLOSED" : r < 920 ? "REVISITED" : r < 950 ? "REJECTED" : r < 970 ? "MERGED"
                        : r < 980 ? "TRANSFERRED" : r < 990 ? "PARKED" : "RESOLVED";
            }
            if (ageDays > 7) {
                return r < 400 ? "CLOSED" : r < 600 ? "REVISITED" : r < 700 ? "RESOLVED" : r < 750 ? "VERIFIED"
                        : r < 850 ? "ACCEPTED" : r < 900 ? "DISPATCHED" : r < 930 ? "PARKED" : r < 960 ? "REJECTED"
                        : r < 980 ? "MERGED" : "RETURNED";
            }
            return r < 150 ? "REPORTED" : r < 200 ? "REGISTERED" : r < 400 ? "DISPATCHED" : r < 600 ? "ACCEPTED"
                    : r < 750 ? "RESOLVED" : r < 800 ? "VERIFIED" : r < 950 ? "CLOSED" : r < 980 ? "ESCALATED" : "REJECTED";
        }

        static final String[] OPEN = {"REPORTED", "REGISTERED", "DISPATCHED", "ACCEPTED", "RESOLVED", "VERIFIED"};

        private static boolean isFinished(String state) {
            return switch (state) {
                case "CLOSED", "REVISITED", "REJECTED", "MERGED", "TRANSFERRED", "PARKED" -> true;
                default -> false;
            };
        }

        private static boolean isDone(String state) {
            return state.equals("RESOLVED") || state.equals("VERIFIED") || state.equals("CLOSED") || state.equals("REVISITED");
        }

        private static List<String[]> steps(String state, boolean onSpot, boolean returned, boolean reopened) {
            List<String[]> s = new ArrayList<>();
            s.add(new String[]{"REPORT", "REPORTED"});
            switch (state) {
                case "REPORTED" -> {
                    return s;
                }
                case "REJECTED" -> {
                    s.add(new String[]{"REJECT", "REJECTED"});
                    return s;
                }
                case "MERGED" -> {
                    s.add(new String[]{"MERGE", "MERGED"});
                    return s;
                }
                case "ESCALATED" -> {
                    s.add(new String[]{"ESCALATE", "ESCALATED"});
                    return s;
                }
                default -> {
                }
            }
            if (onSpot) {
                s.add(new String[]{"RESOLVE_ON_SPOT", "RESOLVED"});
            } else {
                s.add(new String[]{"REGISTER", "REGISTERED"});
                if (state.equals("REGISTERED")) {
                    return s;
                }
                if (state.equals("TRANSFERRED") || state.equals("PARKED")) {
                    s.add(new String[]{state.equals("PARKED") ? "PARK" : "TRANSFER", state});
                    return s;
                }
                s.add(new String[]{"DISPATCH", "DISPATCHED"});
                if (returned && !state.equals("RETURNED")) {
                    s.add(new String[]{"RETURN", "RETURNED"});
                    s.add(new String[]{"DISPATCH", "DISPATCHED"});
                }
                if (state.equals("DISPATCHED")) {
                    return s;
                }
                if (state.equals("RETURNED")) {
                    s.add(new String[]{"RETURN", "RETURNED"});
                    return s;
                }
                s.add(new String[]{"ACCEPT", "ACCEPTED"});
                if (state.equals("ACCEPTED")) {
                    return s;
                }
                s.add(new String[]{"RESOLVE", "RESOLVED"});
                if (reopened) {
                    s.add(new String[]{"REOPEN", "REOPENED"});
                    s.add(new String[]{"DISPATCH", "DISPATCHED"});
                    s.add(new String[]{"ACCEPT", "ACCEPTED"});
                    s.add(new String[]{"RESOLVE", "RESOLVED"});
                }
            }
            if (state.equals("RESOLVED")) {
                return s;
            }
            s.add(new String[]{"VERIFY", "VERIFIED"});
            if (state.equals("VERIFIED")) {
                return s;
            }
            s.add(new String[]{"CLOSE", "CLOSED"});
            if (state.equals("REVISITED")) {
                s.add(new String[]{"REVISIT", "REVISITED"});
            }
            return s;
        }

        private String describe(Grid grid, Category cat) {
            String[] problems = PROBLEMS.getOrDefault(cat.code(), PROBLEMS.get("DEFAULT"));
            return grid.villageName() + (1 + random.nextInt(30)) + "号楼" + (1 + random.nextInt(4)) + "单元"
                    + problems[random.nextInt(problems.length)] + "，" + ASKS[random.nextInt(ASKS.length)] + "。"
                    + (random.nextInt(3) == 0 ? TAILS[random.nextInt(TAILS.length)] : "");
        }
    }

    static final String CASE_COLUMNS = """
            id, code, kind, category_id, channel, urgency, title, description, lat, lng, address, region_id, town_id,
            reporter_user_id, reporter_name_enc, reporter_phone_enc, reporter_phone_mask, reporter_phone_last4,
            state, tier, tier_path, resolved_tier, department_id, handler_id, lead_case_id, rework_count,
            unsatisfied_count, satisfaction, reply, created_by, idempotency_key, created_at, updated_at,
            dispatched_at, accepted_at, resolved_at, closed_at, version, received_at, due_at, yellow_at, red_at,
            sla_level, next_sla_at, rule_version, first_contact_due_at, first_contacted_at""";
    static final String EXTENSION_COLUMNS = """
            case_id, working_days, reason, status, requested_by, requested_at, old_due_at, new_due_at, decided_by,
            decided_at, decision_note""";
    static final String PROGRESS_COLUMNS = "case_id, reason, next_steps, promised_date, recorded_by, recorded_at";
    static final String HISTORY_COLUMNS = """
            id, case_id, action, from_state, to_state, tier, department_id, actor_id, actor_name, actor_role, note,
            attachment_ids, at""";

    // ---- PostgreSQL: COPY ------------------------------------------------------------------------

    /** The pool under datasource-proxy: the generator's own inserts need not be counted. */
    static DataSource raw(DataSource ds) {
        return ds instanceof net.ttddyy.dsproxy.support.ProxyDataSource p ? p.getDataSource() : ds;
    }

    static void loadPostgres(DataSource ds, CaseRows rows, long n) throws Exception {
        try (Connection c = raw(ds).getConnection()) {
            c.setAutoCommit(true);
            PGConnection pg = c.unwrap(PGConnection.class);
            List<String> rebuild = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica"); // no FK triggers while loading generated, consistent rows
                s.execute("SET maintenance_work_mem = '1GB'");
                s.execute("SET synchronous_commit = off");
                rebuild.addAll(dropSecondaryIndexes(c));
            }
            Progress progress = new Progress("cases", n);
            int chunk = 20_000;
            for (long i = 0; i < n; i += chunk) {
                List<Object[]> cases = new ArrayList<>(chunk);
                List<Object[]> history = new ArrayList<>(chunk * 8);
                for (long k = i; k < Math.min(n, i + chunk); k++) {
                    rows.next(k, cases, history);
                }
                copy(pg, "case_file", CASE_COLUMNS, cases);
                copy(pg, "case_history", HISTORY_COLUMNS, history);
                copy(pg, "case_extension", EXTENSION_COLUMNS, rows.extensions);
                copy(pg, "case_progress", PROGRESS_COLUMNS, rows.progress);
                rows.extensions.clear();
                rows.progress.clear();
                progress.update(Math.min(n, i + chunk));
            }
            progress.done();
            try (Statement s = c.createStatement()) {
                restartIdentity(s, "case_file", rows.w.firstCaseId + n, true);
                restartIdentity(s, "case_history", rows.historyId, true);
                saveSequences(c, rows);
                s.execute("SET max_parallel_maintenance_workers = 2");
                Progress ix = new Progress("indexes", rebuild.size());
                int done = 0;
                SQLException failed = null;
                for (String ddl : rebuild) {
                    try {
                        s.execute(ddl);
                    } catch (SQLException e) {
                        System.err.println("\nfailed: " + ddl + ": " + e.getMessage());
                        failed = failed == null ? e : failed;
                    }
                    ix.update(++done);
                }
                ix.done();
                if (failed != null) {
                    throw failed;
                }
                System.err.println("VACUUM ANALYZE …");
                s.execute("SET session_replication_role = origin");
                s.execute("VACUUM ANALYZE case_file");
                s.execute("VACUUM ANALYZE case_history");
                s.execute("VACUUM ANALYZE case_extension");
                s.execute("VACUUM ANALYZE case_progress");
                s.execute("VACUUM ANALYZE region");
                s.execute("VACUUM ANALYZE department");
            }
        }
    }

    /** The day sequences behind the codes, so that cases the application creates later continue them. */
    static void saveSequences(Connection c, CaseRows rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM case_code_seq");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_code_seq (prefix, seq_day, last_value) VALUES (?, ?, ?)")) {
            int k = 0;
            for (Map.Entry<String, int[]> e : rows.daySeq.entrySet()) {
                String[] key = e.getKey().split("/");
                ps.setString(1, key[0]);
                ps.setObject(2, LocalDate.parse(key[1]));
                ps.setInt(3, e.getValue()[0]);
                ps.addBatch();
                if (++k % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Drops the secondary indexes and unique constraints of the case tables; returns the DDL to rebuild them. */
    static List<String> dropSecondaryIndexes(Connection c) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT i.relname AS index_name, t.relname AS table_name, pg_get_indexdef(i.oid) AS def,
                            con.conname, pg_get_constraintdef(con.oid) AS condef, x.indisprimary
                     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                     LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('u', 'p')
                     WHERE t.relname IN ('case_file', 'case_history') AND t.relnamespace = current_schema()::regnamespace
                     ORDER BY t.relname, i.relname""")) {
            while (rs.next()) {
                if (rs.getBoolean("indisprimary")) {
                    continue;
                }
                if (rs.getString("conname") != null) {
                    drops.add("ALTER TABLE " + rs.getString("table_name") + " DROP CONSTRAINT " + rs.getString("conname"));
                    rebuild.add("ALTER TABLE " + rs.getString("table_name") + " ADD CONSTRAINT " + rs.getString("conname")
                            + " " + rs.getString("condef"));
                } else {
                    drops.add("DROP INDEX " + rs.getString("index_name"));
                    rebuild.add(rs.getString("def"));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String d : drops) {
                s.execute(d);
            }
        }
        return rebuild;
    }

    private static void copy(PGConnection pg, String table, String columns, List<Object[]> rows) throws SQLException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(rows.size() * 400);
        StringBuilder line = new StringBuilder(512);
        for (Object[] r : rows) {
            line.setLength(0);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                appendCopyValue(line, r[i]);
            }
            line.append('\n');
            buf.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns.replaceAll("\\s+", " ") + ") FROM STDIN");
        byte[] bytes = buf.toByteArray();
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
    }

    private static void appendCopyValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof Instant t) {
            sb.append(t.toString());
        } else if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        } else {
            sb.append(v);
        }
    }

    // ---- H2: batched inserts ---------------------------------------------------------------------

    static void loadH2(DataSource ds, CaseRows rows, long n) throws SQLException {
        try (Connection c = raw(ds).getConnection()) {
            c.setAutoCommit(false);
            String caseSql = "INSERT INTO case_file (" + CASE_COLUMNS + ") VALUES (" + "?, ".repeat(46) + "?)";
            String historySql = "INSERT INTO case_history (" + HISTORY_COLUMNS + ") VALUES (" + "?, ".repeat(12) + "?)";
            String extensionSql = "INSERT INTO case_extension (" + EXTENSION_COLUMNS + ") VALUES (" + "?, ".repeat(10) + "?)";
            String progressSql = "INSERT INTO case_progress (" + PROGRESS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
            Progress progress = new Progress("cases", n);
            try (PreparedStatement cs = c.prepareStatement(caseSql); PreparedStatement hs = c.prepareStatement(historySql);
                 PreparedStatement es = c.prepareStatement(extensionSql);
                 PreparedStatement ps = c.prepareStatement(progressSql)) {
                int chunk = 5_000;
                for (long i = 0; i < n; i += chunk) {
                    List<Object[]> cases = new ArrayList<>(chunk);
                    List<Object[]> history = new ArrayList<>(chunk * 8);
                    for (long k = i; k < Math.min(n, i + chunk); k++) {
                        rows.next(k, cases, history);
                    }
                    batch(cs, cases);
                    batch(hs, history);
                    batch(es, rows.extensions);
                    batch(ps, rows.progress);
                    rows.extensions.clear();
                    rows.progress.clear();
                    c.commit();
                    progress.update(Math.min(n, i + chunk));
                }
            }
            progress.done();
            try (Statement s = c.createStatement()) {
                restartIdentity(s, "case_file", rows.w.firstCaseId + n, false);
                restartIdentity(s, "case_history", rows.historyId, false);
                saveSequences(c, rows);
                // the category while a case is open, which the application writes with each case (H2's V21_0)
                s.executeUpdate("UPDATE case_file SET open_category_id = category_id WHERE state NOT IN ("
                        + cn.huying.cases.CaseState.FINISHED.stream().map(f -> "'" + f.name() + "'")
                                .collect(java.util.stream.Collectors.joining(", ")) + ")");
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }

    private static void batch(PreparedStatement ps, List<Object[]> rows) throws SQLException {
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                Object v = r[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : r[i];
                ps.setObject(i + 1, v);
            }
            ps.addBatch();
        }
        ps.executeBatch();
    }

    // ---- text -------------------------------------------------------------------------------------

    static final String[] CHANNELS = {"GRID_REPORT", "GRID_REPORT", "GRID_REPORT", "HOTLINE_12345", "HOTLINE_12345",
            "HOTLINE_12345", "PROVINCIAL_HOTLINE", "ONLINE_OPINION", "PUBLIC_PHONE", "ONLINE_LETTER", "WALK_IN", "PORTAL"};
    static final String[] TOWN_NAMES = {"东沙河", "西岗", "界河", "龙阳", "姜屯", "鲍沟", "大坞", "滨湖", "级索", "羊庄",
            "官桥", "柴胡店", "张汪", "南沙河", "东郭", "洪绪", "北辛", "荆河", "善南", "龙泉"};
    static final String[] VILLAGE_NAMES = {"卓庄", "前进", "幸福", "凤鸣", "和平", "红旗", "东风", "新华", "光明", "胜利",
            "王庄", "李楼", "张村", "刘屯", "陈营", "杨集"};
    static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("DISPUTE_NEIGHBOUR", new String[]{"邻居因清理树木发生争执", "楼上漏水渗到楼下引发邻里纠纷", "邻居占用公共楼道堆放杂物"});
        PROBLEMS.put("DISPUTE_FAMILY", new String[]{"夫妻因赡养老人问题发生矛盾", "兄弟之间因老宅分割产生纠纷"});
        PROBLEMS.put("DISPUTE_LAND", new String[]{"两户因宅基地边界发生争议", "承包地被邻户占用耕种"});
        PROBLEMS.put("DISPUTE_LABOUR", new String[]{"工地拖欠农民工工资三个月", "企业辞退员工未支付经济补偿"});
        PROBLEMS.put("DISPUTE_PROPERTY", new String[]{"业主与物业因收费标准发生纠纷", "物业公司停车收费引发业主不满"});
        PROBLEMS.put("SAFETY_FIRE", new String[]{"楼道内电动车充电存在火灾隐患", "消防通道被车辆长期占用"});
        PROBLEMS.put("SAFETY_ROAD", new String[]{"路口红绿灯损坏存在交通安全隐患", "道路塌陷形成大坑"});
        PROBLEMS.put("SAFETY_GAS", new String[]{"燃气管道老化有异味", "燃气表箱锈蚀严重"});
        PROBLEMS.put("LIVE_HEATING", new String[]{"暖气管道漏水", "暖气不热室温低于十六度", "供暖管道阀门损坏", "暖气片不热需要放气",
                "集中供暖迟迟未开通"});
        PROBLEMS.put("LIVE_WATER_POWER", new String[]{"自来水停水两天", "小区频繁停电", "水压太低高层用不上水"});
        PROBLEMS.put("LIVE_SANITATION", new String[]{"垃圾桶满溢无人清运", "污水井堵塞外溢", "绿化带内堆放建筑垃圾",
                "公共厕所无人打扫异味严重", "河道漂浮垃圾无人打捞"});
        PROBLEMS.put("LIVE_PROPERTY", new String[]{"电梯经常故障停运", "小区路灯不亮", "单元门禁损坏", "楼顶防水层破损雨天漏水",
                "地下车库积水严重"});
        PROBLEMS.put("REQ_CONSULT", new String[]{"咨询城乡居民医保缴费办法", "咨询老年人高龄补贴申领"});
        PROBLEMS.put("REQ_HELP", new String[]{"独居老人行动不便需要帮助", "低保户房屋漏雨需要维修"});
        PROBLEMS.put("REQ_COMPLAINT", new String[]{"商户夜间噪音扰民", "饭店油烟直排扰民", "广场舞音响声音过大",
                "工地夜间施工噪音扰民", "养殖场臭味影响周边居民"});
        PROBLEMS.put("URBAN_STREET_VENDOR", new String[]{"流动摊贩占道经营影响通行", "早市摊点占用人行道"});
        PROBLEMS.put("URBAN_ILLEGAL_BUILD", new String[]{"楼顶私搭乱建彩钢房", "一楼住户私自扩建院墙"});
        PROBLEMS.put("URBAN_ROAD_TRAVEL", new String[]{"公交站牌损坏", "路面破损坑洼不平"});
        PROBLEMS.put("DEFAULT", new String[]{"反映问题需要处理", "存在安全隐患需要排查", "群众意见较大"});
    }

    static final String[] ASKS = {"请尽快处理", "希望有关部门协调解决", "请派人查看", "多次反映未解决", "请给予答复"};
    static final String[] TAILS = {"联系人在家，随时可以上门。", "此问题已持续一周。", "影响周边二十多户居民。", "老人孩子出行不便。"};
    static final String[] REPLIES = {"已现场处理完毕，群众认可", "已协调相关单位维修完成", "已联系当事人调解成功", "已清理完毕并加强巡查"};
    static final String[] REASONS = {"不属于本单位职责", "需上级部门协调", "涉及历史遗留问题", "当事人无法联系"};

    /** A progress bar on stderr. */
    static final class Progress {
        private final String what;
        private final long total;
        private final long started = System.nanoTime();
        private long lastPrint;

        Progress(String what, long total) {
            this.what = what;
            this.total = total;
        }

        void update(long done) {
            long nowNs = System.nanoTime();
            if (nowNs - lastPrint < 500_000_000L && done < total) {
                return;
            }
            lastPrint = nowNs;
            double secs = (nowNs - started) / 1e9;
            double rate = done / Math.max(secs, 1e-3);
            int width = 40;
            int filled = (int) (width * done / Math.max(1, total));
            System.err.printf("\r%-8s [%s%s] %5.1f%% %,d/%,d %,.0f/s ETA %.0fs   ", what, "#".repeat(filled),
                    " ".repeat(width - filled), 100.0 * done / Math.max(1, total), done, total, rate,
                    (total - done) / Math.max(rate, 1e-3));
        }

        void done() {
            update(total);
            System.err.println();
        }
    }
}
