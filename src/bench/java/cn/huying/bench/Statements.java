package cn.huying.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the statements sent through the application's DataSource while {@link #start()} is on:
 * by SQL text (whitespace folded), plus commits, rollbacks and connection checkouts.
 */
final class Statements {

    private static volatile boolean on;
    private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> METHOD_CALLS = new ConcurrentHashMap<>();
    /** Driver time per statement text, in nanoseconds (datasource-proxy's own figure is whole milliseconds). */
    private static final Map<String, LongAdder> NANOS_BY_SQL = new ConcurrentHashMap<>();
    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);
    private static final LongAdder TOTAL = new LongAdder();

    static final QueryExecutionListener LISTENER = new QueryExecutionListener() {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            STARTED.get()[0] = System.nanoTime();
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            long nanos = System.nanoTime() - STARTED.get()[0];
            record(queryInfoList);
            if (!on) {
                return;
            }
            for (QueryInfo q : queryInfoList) {
                int executions = execInfo.isBatch() ? Math.max(1, q.getParametersList().size()) : 1;
                TOTAL.add(executions);
                String sql = fold(q.getQuery());
                BY_SQL.computeIfAbsent(sql, k -> new LongAdder()).add(executions);
                NANOS_BY_SQL.computeIfAbsent(sql, k -> new LongAdder()).add(nanos);
            }
        }
    };

    static final MethodExecutionListener METHODS = new MethodExecutionListener() {
        @Override
        public void beforeMethod(MethodExecutionContext ctx) {
        }

        @Override
        public void afterMethod(MethodExecutionContext ctx) {
            if (!on) {
                return;
            }
            String m = ctx.getMethod().getName();
            if (m.equals("getConnection") && !(ctx.getTarget() instanceof javax.sql.DataSource)) {
                m = "Statement.getConnection";
            }
            if (m.equals("commit") || m.equals("rollback") || m.equals("getConnection") || m.equals("Statement.getConnection")
                    || m.equals("getParameterMetaData") || m.equals("getMetaData")) {
                METHOD_CALLS.computeIfAbsent(m, k -> new LongAdder()).increment();
            }
        }
    };

    /** A statement as sent, with its parameters, for EXPLAIN. */
    record Captured(String sql, List<Object[]> params) {
    }

    private static final ThreadLocal<List<Captured>> CAPTURE = new ThreadLocal<>();

    /** Whether a connection taken now must go through the proxy: while counting, or this thread captures. */
    static boolean watching() {
        return on || CAPTURE.get() != null;
    }

    /** Starts recording the statements this thread sends (with parameters). */
    static void capture() {
        CAPTURE.set(new java.util.ArrayList<>());
    }

    static List<Captured> captured() {
        List<Captured> out = CAPTURE.get();
        CAPTURE.remove();
        return out == null ? List.of() : out;
    }

    private static void record(List<QueryInfo> queries) {
        List<Captured> into = CAPTURE.get();
        if (into == null) {
            return;
        }
        for (QueryInfo q : queries) {
            List<Object[]> params = new java.util.ArrayList<>();
            if (!q.getParametersList().isEmpty()) {
                for (var op : q.getParametersList().get(0)) {
                    Object[] args = op.getArgs();
                    boolean isNull = op.getMethod().getName().equals("setNull");
                    params.add(new Object[]{args[0], isNull ? null : args[1], isNull ? args[1] : null});
                }
            }
            into.add(new Captured(q.getQuery(), params));
        }
    }

    private Statements() {
    }

    static void start() {
        BY_SQL.clear();
        NANOS_BY_SQL.clear();
        METHOD_CALLS.clear();
        TOTAL.reset();
        on = true;
    }

    static void stop() {
        on = false;
    }

    static long total() {
        return TOTAL.sum();
    }

    static long calls(String method) {
        LongAdder a = METHOD_CALLS.get(method);
        return a == null ? 0 : a.sum();
    }

    /** Statement texts with their counts, most frequent first. */
    static Map<String, Long> bySql() {
        Map<String, Long> out = new LinkedHashMap<>();
        BY_SQL.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, LongAdder> e) -> -e.getValue().sum())
                .thenComparing(Map.Entry::getKey)).forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }

    /** Milliseconds spent executing each statement text (as the driver took them). */
    static double millis(String sql) {
        LongAdder a = NANOS_BY_SQL.get(sql);
        return a == null ? 0 : a.sum() / 1e6;
    }

    static String fold(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
