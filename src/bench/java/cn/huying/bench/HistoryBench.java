package cn.huying.bench;

import cn.huying.cases.internal.HistoryChecks;
import cn.huying.identity.HistorySeal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 30: how long the history check 留痕核验 takes. First over the demo town as it is, then the generator adds
 * {@code --rows} sealed history rows ({@code --per-case} per case, copies of one demo case, sealed with the node's
 * history key exactly as the application seals them), and the check runs over every case. Generating and checking
 * run in this process; the check is the one the admin page and {@code --verify-history} run.
 */
final class HistoryBench {

    private HistoryBench() {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "history"));
        int rows = args.integer("rows", 1_000_000);
        int perCase = args.integer("per-case", 8);
        try (ConfigurableApplicationContext ctx = db.boot(Map.of())) {
            HistoryChecks checks = ctx.getBean(HistoryChecks.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            measure(checks, "370481107", db, "demo-town");
            long existing = jdbc.sql("SELECT COUNT(*) FROM case_history").query(Long.class).single();
            if (existing < rows) {
                generate(ctx, rows, perCase);
            }
            measure(checks, "all", db, "all");
        }
    }

    private static void measure(HistoryChecks checks, String scope, BenchDb db, String label) {
        long t0 = System.nanoTime();
        HistoryChecks.Run run = checks.runNow(checks.scope(scope, null), "bench", r -> { });
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("history db=%s scope=%s cases=%d entries=%d unsealed=%d broken=%d seconds=%.1f entries_per_s=%.0f%n",
                db.kind(), label, run.casesDone(), run.entries(), run.unsealed(), run.broken(), s, run.entries() / s);
    }

    /** Copies of one finished demo case, each with {@code perCase} sealed entries, until {@code rows} are added. */
    private static void generate(ConfigurableApplicationContext ctx, int rows, int perCase) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        JdbcTemplate batches = ctx.getBean(JdbcTemplate.class);
        HistorySeal seal = ctx.getBean(HistorySeal.class);
        long template = jdbc.sql("SELECT MIN(id) FROM case_file WHERE code LIKE 'MSH-%'").query(Long.class).single();
        List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'case_file'"
                        + " ORDER BY ordinal_position").query(String.class).list().stream()
                .filter(c -> !List.of("id", "code", "idempotency_key", "history_head", "history_length").contains(c))
                .toList();
        String cols = String.join(", ", columns);
        String insertCase = "INSERT INTO case_file (code, history_head, history_length, " + cols + ") SELECT ?, ?, ?, "
                + cols + " FROM case_file WHERE id = " + template;
        long actor = jdbc.sql("SELECT id FROM app_user WHERE username = 'dispatcher'").query(Long.class).single();
        String[][] steps = {{"REPORT", null, "REPORTED"}, {"REGISTER", "REPORTED", "REGISTERED"},
                {"DISPATCH", "REGISTERED", "DISPATCHED"}, {"ACCEPT", "DISPATCHED", "ACCEPTED"},
                {"RESOLVE", "ACCEPTED", "RESOLVED"}, {"VERIFY", "RESOLVED", "VERIFIED"}, {"CLOSE", "VERIFIED", "CLOSED"},
                {"REVISIT", "CLOSED", "REVISITED"}};
        int cases = (rows + perCase - 1) / perCase;
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long t0 = System.nanoTime();
        int batch = 1000;
        for (int from = 0; from < cases; from += batch) {
            int to = Math.min(cases, from + batch);
            List<Object[]> caseRows = new ArrayList<>();
            List<Object[]> entries = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (int n = from; n < to; n++) {
                String code = "HB" + run + "-" + n;
                codes.add(code);
                String previous = HistorySeal.GENESIS;
                for (int k = 0; k < perCase; k++) {
                    String[] step = steps[k % steps.length];
                    Instant at = start.plusSeconds(n * 60L + k);
                    List<Object> f = Arrays.asList(step[0], step[1], step[2], "TOWN", null, actor, "张敏", "DISPATCHER",
                            "生成的办理记录 " + k, null, at);
                    previous = seal.seal("case:" + code, k + 1, previous, f);
                    entries.add(new Object[] {code, step[0], step[1], step[2], "TOWN", null, actor, "张敏", "DISPATCHER",
                            "生成的办理记录 " + k, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), k + 1, previous});
                }
                caseRows.add(new Object[] {code, previous, perCase});
            }
            batches.batchUpdate(insertCase, caseRows);
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            jdbc.sql("SELECT code, id FROM case_file WHERE code IN (" + codes.stream().map(c -> "?")
                            .collect(Collectors.joining(",")) + ")").params(codes.stream().map(Object.class::cast).toList())
                    .query(rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
            for (Object[] e : entries) {
                e[0] = ids.get((String) e[0]);
            }
            batches.batchUpdate("INSERT INTO case_history (case_id, action, from_state, to_state, tier, department_id,"
                    + " actor_id, actor_name, actor_role, note, at, seq, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entries);
            if ((from / batch) % 20 == 0) {
                System.out.printf("history generate: %d of %d cases (%.0f s)%n", to, cases, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf("history generate: %d cases, %d entries in %.0f s%n", cases, (long) cases * perCase,
                (System.nanoTime() - t0) / 1e9);
    }
}
