package cn.huying.bench;

import cn.huying.calendar.WorkingCalendar;
import cn.huying.cases.internal.DeadlineSweep;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4's benchmark: deadline computations per second of the {@link WorkingCalendar} (working days
 * and working hours from receipt times spread over 2020–2026, on the official calendar), and the
 * time of one sweep ({@link DeadlineSweep#sweep()}) over the open cases of a database made with
 * {@code generate --name=deadlines --cases=1000000 --open-share=1 --due-share=0.01}: every case open,
 * one in a hundred with a light change due now (what a sweep finds after a long pause), then a
 * second sweep with nothing due (the steady state: one index probe).
 */
final class DeadlineBench {

    private DeadlineBench() {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "deadlines"));
        int seconds = args.integer("seconds", 5);
        try (ConfigurableApplicationContext ctx = db.boot(Map.of("huying.sla.sweep-initial-delay", "1h"))) {
            WorkingCalendar calendar = ctx.getBean(WorkingCalendar.class);
            Instant base = ZonedDateTime.of(2020, 1, 2, 9, 0, 0, 0, calendar.zone()).toInstant();
            long span = Duration.ofDays(365L * 6).toMinutes();
            for (String kind : new String[]{"working_days", "working_hours"}) {
                long n = 0;
                long sink = 0;
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                long warmEnd = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < warmEnd) {
                    sink += compute(calendar, kind, base, span, n++);
                }
                n = 0;
                long t0 = System.nanoTime();
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1000; i++) {
                        sink += compute(calendar, kind, base, span, n++);
                    }
                }
                double rate = n / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("deadlines db=%s computation=%s per_s=%.0f (checksum %d)%n", db.kind(), kind, rate,
                        sink % 1000);
            }
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long open = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE next_sla_at IS NOT NULL").query(Long.class).single();
            long due = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE next_sla_at <= ?")
                    .param(java.time.OffsetDateTime.now()).query(Long.class).single();
            DeadlineSweep sweep = ctx.getBean(DeadlineSweep.class);
            for (int pass = 1; pass <= 2; pass++) {
                long t0 = System.nanoTime();
                DeadlineSweep.Result r = sweep.sweep();
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("deadlines db=%s sweep=%d watched_open_cases=%d due_before=%d seconds=%.2f examined=%d "
                                + "yellow=%d red=%d supervision_orders=%d%n", db.kind(), pass, open, pass == 1 ? due : 0, s,
                        r.examined(), r.yellow(), r.red(), r.supervisionOrders());
            }
        }
    }

    private static long compute(WorkingCalendar calendar, String kind, Instant base, long spanMinutes, long i) {
        Instant from = base.plus(Duration.ofMinutes((i * 7919) % spanMinutes));
        return kind.equals("working_days")
                ? calendar.addWorkingDays(from, 1 + (int) (i % 10)).at().getEpochSecond()
                : calendar.addWorkingHours(from, 1 + (int) (i % 24)).at().getEpochSecond();
    }

    /** Extra screens for {@link ReadsBench}; the overdue list is measured there through CaseBoard. */
    static ReadsBench.Screen overdueScreen(ConfigurableApplicationContext ctx) {
        return null;
    }
}
