package cn.huying.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part 3: intake over HTTP on loopback. Starts the application as its own process (heap
 * {@code --heap}, default 512m; on PostgreSQL with {@code SPRING_PROFILES_ACTIVE=postgres}), signs in
 * {@code --clients} clients (demo users) with POST /api/auth/token, lets each create cases with an
 * Idempotency-Key for {@code --seconds} (a few requests are sent twice, as a phone on a bad network
 * does, and must be answered with the first case), then reads every acknowledged case back.
 */
final class IntakeDriver {

    private IntakeDriver() {
    }

    record Created(String user, String token, long id, String code) {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "intake"));
        int clients = args.integer("clients", 32);
        int seconds = args.integer("seconds", 60);
        int warmupSeconds = args.integer("warmup", 30);
        String heap = args.get("heap", "512m");
        String url = args.get("url", null);
        Process app = null;
        Map<String, List<double[]>> points;
        if (db.isPostgres() || args.flag("fresh", true)) {
            db.deleteDataDir();
        }
        // prepare the database (migrations, demo town) and read the demo places, then let the app own it
        try (ConfigurableApplicationContext ctx = db.boot(Map.of())) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            // reports spread as in a real town: each grid worker over the unit grids of their own grid, the citizen
            // and the dispatcher over all 132 unit grids of 木石镇 (all reports at one spot would make every
            // intake's duplicate search return the same growing crowd)
            List<String> allUnits = jdbc.sql("SELECT name FROM region WHERE type = 'UNIT_GRID' AND code LIKE '370481107%'")
                    .query(String.class).list();
            List<double[]> town = allUnits.stream().map(n -> Demo.pointIn(jdbc, n)).toList();
            points = Map.of("gumei", unitPoints(jdbc, "凤翔小镇社区第一网格"),
                    "gridworker2", unitPoints(jdbc, "卓庄村第一网格"),
                    "citizen", town,
                    "dispatcher", town);
        }
        boolean baseline = args.flag("baseline", url == null);
        if (url == null) {
            int port = freePort();
            url = "http://127.0.0.1:" + port;
            app = startApp(db, port, heap);
        }
        Result huying;
        try {
            waitUntilUp(url, app);
            huying = drive(db, db.kind(), url, clients, seconds, warmupSeconds, points, app == null ? -1 : app.pid());
        } finally {
            stop(app);
        }
        if (!baseline) {
            return;
        }
        // the measuring stick, in the same run and on the same database, after the application has stopped (its
        // cases in the table, where they would have been the application's duplicate candidates had it run first)
        Result stick = driveStick(db, "bare", IntakeDriver::startBare, heap, clients, seconds, warmupSeconds, points);
        printRatio(db, "huying/bare", huying, stick);
        if (!args.flag("floor", true)) {
            return;
        }
        // the second stick: the bare stick's work through the platform's stack (Spring MVC, Security, transactions,
        // JdbcClient, Actuator), so that the gap splits into what the stack costs and what the domain costs
        Result floor = driveStick(db, "floor", IntakeDriver::startFloor, heap, clients, seconds, warmupSeconds, points);
        printRatio(db, "huying/floor", huying, floor);
        printRatio(db, "floor/bare", floor, stick);
    }

    /** Starts a measuring stick on a free port, puts the same load on it as on the application, and stops it. */
    private static Result driveStick(BenchDb db, String name, StickStarter starter, String heap, int clients, int seconds,
                                     int warmupSeconds, Map<String, List<double[]>> points) throws Exception {
        int port = freePort();
        Process server = starter.start(db, port, heap);
        try {
            waitUntilUp("http://127.0.0.1:" + port, server);
            return drive(db, db.kind() + " server=" + name, "http://127.0.0.1:" + port, clients, seconds, warmupSeconds,
                    points, server.pid());
        } finally {
            stop(server);
        }
    }

    @FunctionalInterface
    private interface StickStarter {
        Process start(BenchDb db, int port, String heap) throws IOException;
    }

    /** {@code a} against {@code b}: the ratio of the rates, then both rates, p99s and machine CPU ms per creation. */
    private static void printRatio(BenchDb db, String name, Result a, Result b) {
        System.out.printf("intake db=%s %s creations_per_s=%.2f (%.1f/%.1f) p99=%.1fms/%.1fms"
                        + " machine_cpu_ms_per_creation=%.2f/%.2f%n", db.kind(), name, a.perSecond() / b.perSecond(),
                a.perSecond(), b.perSecond(), a.p99(), b.p99(), a.machineCpuMs(), b.machineCpuMs());
    }

    /** What {@link #drive} measured: the rate, the p99, the whole machine's CPU milliseconds per creation. */
    record Result(double perSecond, double p99, double machineCpuMs) {
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            p.waitFor();
        }
    }

    /** {@link BareIntakeServer} as its own process, with the application's heap. */
    private static Process startBare(BenchDb db, int port, String heap) throws IOException {
        List<String> cmd = javaCommand(heap, BareIntakeServer.class.getName());
        cmd.addAll(List.of(Integer.toString(port), db.url(), db.user(), db.password(),
                BenchDb.ROOT.resolve("bare-" + db.kind()).toString()));
        Path log = BenchDb.ROOT.resolve("intake-bare-" + db.kind() + ".log");
        System.out.printf("intake db=%s: the measuring stick (%s) started on port %d with -Xmx%s (log %s)%n", db.kind(),
                BareIntakeServer.class.getSimpleName(), port, heap, BenchDb.ROOT.getParent().getParent().relativize(log));
        return start(new ProcessBuilder(cmd), log);
    }

    /**
     * {@link huyingfloor.SpringFloorServer} as its own process, with the application's heap, configuration
     * ({@code application.yml}, and the {@code postgres} profile on PostgreSQL) and database.
     */
    private static Process startFloor(BenchDb db, int port, String heap) throws IOException {
        return startSpringBoot(db, port, heap, huyingfloor.SpringFloorServer.class.getName(), List.of(), "floor",
                "the framework's floor (" + huyingfloor.SpringFloorServer.class.getSimpleName() + ")");
    }

    private static Process startApp(BenchDb db, int port, String heap) throws IOException {
        // extra options for the application's JVM, separated by '|' (Maven's exec splits on spaces), e.g.
        // -Dbench.app.jvm=-XX:FlightRecorderOptions=stackdepth=1024|-XX:StartFlightRecording=filename=app.jfr
        String extra = System.getProperty("bench.app.jvm", "").strip();
        return startSpringBoot(db, port, heap, "cn.huying.HuyingApplication",
                extra.isEmpty() ? List.of() : List.of(extra.split("[|\\s]+")), "app", "application");
    }

    /** A Spring Boot main class as its own process on the bench database, its output in intake-{@code log}-db.log. */
    private static Process startSpringBoot(BenchDb db, int port, String heap, String mainClass, List<String> jvmOptions,
                                           String log, String label) throws IOException {
        List<String> cmd = javaCommand(heap, mainClass);
        cmd.addAll(1, jvmOptions);
        Map<String, String> p = db.properties();
        p.put("server.port", Integer.toString(port));
        p.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (db.isPostgres()) {
            pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        }
        Path file = BenchDb.ROOT.resolve("intake-" + log + "-" + db.kind() + ".log");
        System.out.printf("intake db=%s: %s started on port %d with -Xmx%s (log %s)%n", db.kind(), label, port, heap,
                BenchDb.ROOT.getParent().getParent().relativize(file));
        return start(pb, file);
    }

    /** {@code java} with this JVM's class path, a fixed heap and the application's encoding and time zone. */
    private static List<String> javaCommand(String heap, String mainClass) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap, "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
                "-cp", System.getProperty("java.class.path"), mainClass));
    }

    /** Starts the process with its output (both streams) in {@code log}. */
    private static Process start(ProcessBuilder pb, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitUntilUp(String url, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (app != null && !app.isAlive()) {
                throw new IllegalStateException("the application exited: see target/bench/intake-app-*.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not come up");
    }

    /**
     * How much of an answer the driver decodes: the id and code come first, and the rest (the case, up to 50
     * duplicate candidates: ~10 KB) decoded into strings made the driver's own GC pause the clients for 45-86 ms
     * every ~10 s, counted in the latencies (docs/benchmarks-archive.md, round 8).
     */
    private static final int KEEP = 256;
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),\"code\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private static List<double[]> unitPoints(JdbcClient jdbc, String basicGrid) {
        return jdbc.sql("SELECT u.name FROM region u JOIN region b ON b.id = u.parent_id WHERE b.name = ?")
                .param(basicGrid).query(String.class).list().stream().map(n -> Demo.pointIn(jdbc, n)).toList();
    }

    /**
     * The warm-up grew the tables from the demo town's few hundred cases to thousands. A PostgreSQL server
     * with autovacuum (the default, and every production server) analyses them within a minute, and the
     * application's prepared statements are planned again on the new statistics; this machine's server
     * runs with autovacuum off, so the driver does that one ANALYZE itself, and says so. Without it, some
     * connections keep plans made on the empty tables for the whole run (docs/benchmarks-archive.md, round 5).
     */
    private static void analyzeIfNoAutovacuum(BenchDb db) throws SQLException {
        if (!db.isPostgres()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            String autovacuum;
            try (ResultSet rs = st.executeQuery("SHOW autovacuum")) {
                rs.next();
                autovacuum = rs.getString(1);
            }
            if ("off".equals(autovacuum)) {
                long t0 = System.nanoTime();
                st.execute("ANALYZE");
                System.out.printf("intake db=postgres autovacuum=off: ANALYZE after the warm-up, as autovacuum would (%.1f s)%n",
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static Result drive(BenchDb db, String tag, String url, int clients, int seconds, int warmupSeconds,
                                Map<String, List<double[]>> points, long appPid)
            throws Exception {
        String[] users = {"gumei", "gridworker2", "citizen", "dispatcher"};
        String[] categories = {"LIVE_HEATING", "LIVE_SANITATION", "LIVE_PROPERTY", "REQ_COMPLAINT", "SAFETY_FIRE",
                "URBAN_STREET_VENDOR"};
        List<Http1> https = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Http1 http = new Http1(url);
            https.add(http);
            String user = users[c % users.length];
            Http1.Response r = http.send("POST", "/api/auth/token", Map.of("Content-Type", "application/json"),
                    "{\"username\":\"" + user + "\",\"password\":\"Huying@2026\"}");
            Matcher m = TOKEN.matcher(r.body());
            if (r.status() != 200 || !m.find()) {
                throw new IllegalStateException("login of " + user + " failed: " + r.status() + " " + r.body());
            }
            tokens.add(m.group(1));
        }
        // warm-up: long enough for the JIT to settle (after 10 s its compiler threads still took 10 % of the
        // application's CPU in the timed minute: docs/benchmarks-archive.md, round 6)
        int warmup = Math.min(seconds, warmupSeconds);
        create(url, clients, warmup, points, users, categories, https, tokens);
        analyzeIfNoAutovacuum(db);
        // the driver's own garbage from booting and the warm-up collected now, between the phases, so that its
        // young generation (-Xmn1g, pom.xml) is empty when the timed minute starts: a collection inside the window
        // would stop every client's clock (ParallelGC's young pauses took 35-86 ms on this loaded machine)
        System.gc();
        long[] cpuBefore = cpuTicks(appPid);
        Map<String, Long> threadsBefore = threadTicks(appPid);
        long[] gcBefore = driverGc();
        Phase phase = create(url, clients, seconds, points, users, categories, https, tokens);
        long[] cpuAfter = cpuTicks(appPid);
        Map<String, Long> threadsAfter = threadTicks(appPid);
        long[] gcAfter = driverGc();
        ConcurrentLinkedQueue<Created> acknowledged = phase.acknowledged();
        ConcurrentLinkedQueue<double[]> latencies = phase.latencies();
        AtomicLong errors = phase.errors();
        AtomicLong replays = phase.replays();
        AtomicLong replayMismatches = phase.replayMismatches();
        double elapsed = seconds;
        double[] all = latencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        long createdInWindow = all.length - errors.get();
        System.out.printf("intake db=%s clients=%d seconds=%d creations=%d creations_per_s=%.1f p50=%.1fms p95=%.1fms "
                        + "p99=%.1fms max=%.1fms errors=%d replays=%d replay_mismatches=%d%n", tag, clients, seconds,
                createdInWindow, createdInWindow / elapsed, ReadsBench.pct(all, 50), ReadsBench.pct(all, 95),
                ReadsBench.pct(all, 99), all.length == 0 ? 0 : all[all.length - 1], errors.get(), replays.get(),
                replayMismatches.get());
        printTailBursts(tag, phase, ReadsBench.pct(all, 50));

        double machineCpuMs = Double.NaN;
        if (cpuBefore != null && cpuAfter != null && createdInWindow > 0) {
            // CPU time per creation, less noisy than the rate on a shared machine: the application's own, and the
            // whole machine's (application, database, driver, everything else)
            double tick = 1000.0 / 100; // USER_HZ: 100 on Linux
            machineCpuMs = (cpuAfter[1] - cpuBefore[1]) * tick / createdInWindow;
            System.out.printf("intake db=%s cpu_ms_per_creation app=%.2f postgres=%.2f driver=%.2f machine=%.2f"
                            + " (machine busy %.0f %% of %d cores)%n",
                    tag, (cpuAfter[0] - cpuBefore[0]) * tick / createdInWindow,
                    (cpuAfter[3] - cpuBefore[3]) * tick / createdInWindow,
                    (cpuAfter[4] - cpuBefore[4]) * tick / createdInWindow,
                    machineCpuMs,
                    100.0 * (cpuAfter[1] - cpuBefore[1]) / Math.max(1, cpuAfter[2] - cpuBefore[2]),
                    Runtime.getRuntime().availableProcessors());
            // the application's CPU in the window by its threads: is the JIT still compiling, what do the
            // background threads take (a thread that ended inside the window is not counted)
            StringBuilder line = new StringBuilder();
            for (String group : List.of("http", "http_kernel", "jit", "gc", "search", "other")) {
                long ticks = threadsAfter.getOrDefault(group, 0L) - threadsBefore.getOrDefault(group, 0L);
                line.append(' ').append(group).append('=').append(String.format("%.2f", ticks * tick / createdInWindow));
            }
            System.out.printf("intake db=%s app_cpu_ms_per_creation_by_thread%s%n", tag, line);
        }
        // the driver's own collections in the window: each stops every client's clock
        System.out.printf("intake db=%s driver_gc_in_window collections=%d ms=%d%n", tag, gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1]);

        // read every acknowledged case back, with the token that created it
        List<Created> toCheck = new ArrayList<>(acknowledged);
        AtomicLong missing = new AtomicLong();
        ConcurrentLinkedQueue<double[]> readLatencies = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        long readStart = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            final int client = c;
            Thread t = new Thread(() -> {
                Http1 http = https.get(client);
                List<Double> mine = new ArrayList<>();
                for (int i = client; i < toCheck.size(); i += clients) {
                    Created k = toCheck.get(i);
                    try {
                        long t0 = System.nanoTime();
                        Http1.Response r = http.send("GET", "/api/cases/" + k.id(),
                                Map.of("Authorization", "Bearer " + k.token()), null, KEEP);
                        mine.add((System.nanoTime() - t0) / 1e6);
                        if (r.status() != 200 || !r.body().contains("\"code\":\"" + k.code() + "\"")) {
                            missing.incrementAndGet();
                        }
                    } catch (IOException e) {
                        missing.incrementAndGet();
                    }
                }
                readLatencies.add(mine.stream().mapToDouble(Double::doubleValue).toArray());
            });
            readers.add(t);
            t.start();
        }
        for (Thread t : readers) {
            t.join();
        }
        double[] reads = readLatencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        System.out.printf("intake db=%s read_back=%d missing=%d reads_per_s=%.1f read_p50=%.1fms read_p99=%.1fms%n",
                tag, toCheck.size(), missing.get(), toCheck.size() / ((System.nanoTime() - readStart) / 1e9),
                ReadsBench.pct(reads, 50), ReadsBench.pct(reads, 99));
        return new Result(createdInWindow / elapsed, ReadsBench.pct(all, 99), machineCpuMs);
    }

    /**
     * What a phase of {@link #create} gave. {@code ends}: per client, each timed request's end (µs since the phase
     * began) and its time (µs), in pairs.
     */
    record Phase(ConcurrentLinkedQueue<Created> acknowledged, ConcurrentLinkedQueue<double[]> latencies,
                 ConcurrentLinkedQueue<long[]> ends, AtomicLong errors,
                 AtomicLong replays, AtomicLong replayMismatches) {
    }

    private static Phase create(String url, int clients, int seconds, Map<String, List<double[]>> points, String[] users,
                                String[] categories, List<Http1> https, List<String> tokens) throws InterruptedException {
        ConcurrentLinkedQueue<Created> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<double[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> ends = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong replays = new AtomicLong();
        AtomicLong replayMismatches = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int client = c;
            Thread t = new Thread(() -> {
                Http1 http = https.get(client);
                String user = users[client % users.length];
                String token = tokens.get(client);
                List<double[]> places = points.get(user);
                SplittableRandom random = new SplittableRandom(client);
                List<Double> mine = new ArrayList<>();
                List<Long> myEnds = new ArrayList<>();
                long n = 0;
                while (System.nanoTime() < end) {
                    String key = UUID.randomUUID().toString();
                    double[] point = places.get(random.nextInt(places.size()));
                    double lat = point[0] + (random.nextDouble() - 0.5) * 0.001;
                    double lng = point[1] + (random.nextDouble() - 0.5) * 0.001;
                    String body = String.format("{\"category\":\"%s\",\"description\":\"第%d号楼反映：%s，请尽快处理。\","
                                    + "\"lat\":%.6f,\"lng\":%.6f}", categories[random.nextInt(categories.length)],
                            1 + random.nextInt(40), "楼道灯不亮、垃圾无人清运", lat, lng);
                    Map<String, String> headers = Map.of("Content-Type", "application/json",
                            "Authorization", "Bearer " + token, "Idempotency-Key", key);
                    try {
                        long t0 = System.nanoTime();
                        Http1.Response r = http.send("POST", "/api/cases", headers, body, KEEP);
                        long t1 = System.nanoTime();
                        if (t1 > end) {
                            // answered after the window: counted for presence, not for the rate
                            if (r.status() == 201) {
                                Matcher m = ID.matcher(r.body());
                                if (m.find()) {
                                    acknowledged.add(new Created(user, token, Long.parseLong(m.group(1)), m.group(2)));
                                }
                            }
                            break;
                        }
                        mine.add((t1 - t0) / 1e6);
                        myEnds.add((t1 - start) / 1000);
                        myEnds.add((t1 - t0) / 1000);
                        Matcher m = ID.matcher(r.body());
                        if (r.status() != 201 || !m.find()) {
                            errors.incrementAndGet();
                            if (errors.get() <= 5) {
                                System.err.println("intake error " + r.status() + ": " + r.body());
                            }
                            continue;
                        }
                        Created created = new Created(user, token, Long.parseLong(m.group(1)), m.group(2));
                        acknowledged.add(created);
                        if (++n % 20 == 0) {
                            // the phone did not hear the answer and sends the same report again
                            Http1.Response again = http.send("POST", "/api/cases", headers, body, KEEP);
                            Matcher m2 = ID.matcher(again.body());
                            replays.incrementAndGet();
                            if (again.status() != 200 || !m2.find() || Long.parseLong(m2.group(1)) != created.id()) {
                                replayMismatches.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                latencies.add(mine.stream().mapToDouble(Double::doubleValue).toArray());
                ends.add(myEnds.stream().mapToLong(Long::longValue).toArray());
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Phase(acknowledged, latencies, ends, errors, replays, replayMismatches);
    }

    /**
     * Whether the slow requests (over twice the median) came alone or together: how many ended within 50 ms of
     * another slow one in a run of five or more. Runs mean the whole machine stood still for a moment (every
     * request in flight waited), whatever the server; lone ones mean a slow request of its own.
     */
    private static void printTailBursts(String tag, Phase phase, double p50) {
        List<Long> slowEnds = new ArrayList<>();
        for (long[] endAndMicros : phase.ends()) {
            for (int i = 0; i + 1 < endAndMicros.length; i += 2) {
                if (endAndMicros[i + 1] > 2000 * p50) {
                    slowEnds.add(endAndMicros[i]);
                }
            }
        }
        java.util.Collections.sort(slowEnds);
        int inRuns = 0;
        int runs = 0;
        for (int i = 0; i < slowEnds.size(); ) {
            int j = i + 1;
            while (j < slowEnds.size() && slowEnds.get(j) - slowEnds.get(j - 1) < 50_000) {
                j++;
            }
            if (j - i >= 5) {
                inRuns += j - i;
                runs++;
            }
            i = j;
        }
        System.out.printf("intake db=%s tail over_2x_p50=%d in_runs_of_5=%.0f%% runs=%d%n", tag, slowEnds.size(),
                slowEnds.isEmpty() ? 0.0 : 100.0 * inRuns / slowEnds.size(), runs);
    }

    /**
     * The CPU ticks of the application's threads, by group: Tomcat's (requests), JIT compiler, garbage collector,
     * search indexer (with Lucene's merges), other. Empty where there is no /proc.
     */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> out = new java.util.HashMap<>();
        if (pid <= 0) {
            return out;
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String group = name.startsWith("http-nio-") ? "http" // names are cut at 15 characters: workers, poller
                            : name.contains("CompilerThre") ? "jit"
                            : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc"
                            : name.startsWith("case-search") || name.startsWith("Lucene") ? "search" : "other";
                    out.merge(group, processTicks(stat), Long::sum);
                    if (group.equals("http")) {
                        // the request threads' time in the kernel (socket reads and writes, loopback TCP for both ends)
                        out.merge("http_kernel", Long.parseLong(statFields(stat)[12]), Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread has gone
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** Collections of this JVM so far and the milliseconds they took (ParallelGC: all of it a pause). */
    private static long[] driverGc() {
        long count = 0;
        long millis = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    /** utime + stime of a process from its {@code /proc/<pid>/stat} line (fields 14 and 15). */
    private static long processTicks(String stat) {
        String[] f = statFields(stat);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The fields of a /proc stat line after the command's name: [11] utime, [12] stime (in ticks). */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** utime+stime of the process, busy and total ticks of the machine (from /proc); null where there is none. */
    private static long[] cpuTicks(long pid) {
        try {
            long app = 0;
            if (pid > 0) {
                app = processTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle, iowait
            long database = 0;
            long self = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path d : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        long ticks = processTicks(stat);
                        if (comm.equals("postgres")) {
                            database += ticks; // the server and its backends (an exited backend's time is lost)
                        } else if (Long.parseLong(d.getFileName().toString()) == ProcessHandle.current().pid()) {
                            self = ticks;
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process has gone
                    }
                }
            }
            return new long[]{app, total - idle, total, database, self};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
