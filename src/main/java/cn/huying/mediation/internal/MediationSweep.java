package cn.huying.mediation.internal;

import static cn.huying.mediation.internal.DisputeStore.instant;
import static cn.huying.mediation.internal.DisputeStore.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the disputes' clocks: the 30-day mediation limit (yellow {@code warn-days} before it, red once passed) and
 * the judicial-confirmation window (a reminder {@code confirm-remind-days} before it closes). The next instant to
 * look at is stored on the dispute ({@code next_check_at}). Safe with several nodes on one database: each change is a
 * conditional update on the dispute's version, and only the node whose update matched writes the log entry, in the
 * same transaction.
 */
@Component
public class MediationSweep {

    private static final Logger log = LoggerFactory.getLogger(MediationSweep.class);

    /** What one pass did. */
    public record Result(int yellow, int red, int reminders) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MediationSettings settings;
    private final DisputeStore store;
    private final Clock clock;

    MediationSweep(JdbcClient jdbc, TransactionTemplate tx, MediationSettings settings, DisputeStore store, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huying.mediation.sweep-interval:300s}",
            initialDelayString = "${huying.mediation.sweep-initial-delay:${huying.sla.sweep-initial-delay:30s}}")
    void scheduled() {
        Result r = sweep();
        if (r.yellow() + r.red() + r.reminders() > 0) {
            log.info("调解期限巡检：黄灯 {} 件，红灯 {} 件，司法确认提醒 {} 件", r.yellow(), r.red(), r.reminders());
        }
    }

    private record Due(long id, String state, int warnLevel, Instant dueAt, Instant concludedAt, String confirmState,
                       boolean reminded, long version) {
    }

    public Result sweep() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                SELECT id, state, warn_level, due_at, concluded_at, confirm_state, confirm_reminded, version
                FROM dispute WHERE next_check_at <= ? ORDER BY id LIMIT 1000""")
                .param(utc(now))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("state"), rs.getInt("warn_level"),
                        instant(rs, "due_at"), instant(rs, "concluded_at"), rs.getString("confirm_state"),
                        rs.getBoolean("confirm_reminded"), rs.getLong("version")))
                .list();
        int[] counts = new int[3];
        for (Due d : due) {
            Integer done = tx.execute(s -> process(d, now));
            if (done != null && done >= 0) {
                counts[done]++;
            }
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    /** 0 yellow, 1 red, 2 reminder, -1 nothing. */
    private int process(Due d, Instant now) {
        if ("MEDIATING".equals(d.state())) {
            Instant yellow = settings.yellowAt(d.dueAt());
            Instant red = settings.redAt(d.dueAt());
            int target = !now.isBefore(red) ? 2 : !now.isBefore(yellow) ? 1 : 0;
            if (target <= d.warnLevel()) {
                store.update(d.id(), d.version(), "next_check_at = ?", utc(d.warnLevel() >= 2 ? null
                        : d.warnLevel() == 1 ? red : yellow));
                return -1;
            }
            if (!store.update(d.id(), d.version(), "warn_level = ?, next_check_at = ?", target,
                    utc(target == 1 ? red : null))) {
                return -1;
            }
            store.log(d.id(), target == 2 ? "WARN_RED" : "WARN_YELLOW", target == 2
                    ? "已超过调解期限（" + LocalDate.ofInstant(d.dueAt(), clock.getZone()) + "），红灯督办"
                    : "距调解期限（" + LocalDate.ofInstant(d.dueAt(), clock.getZone()) + "）不足 "
                    + (java.time.Duration.between(now, d.dueAt()).toDays() + 1) + " 天，黄灯预警", 0L, "系统", now);
            return target - 1;
        }
        if ("SUCCEEDED".equals(d.state()) && "NONE".equals(d.confirmState()) && !d.reminded()) {
            if (!store.update(d.id(), d.version(), "confirm_reminded = TRUE, next_check_at = NULL")) {
                return -1;
            }
            store.log(d.id(), "CONFIRM_REMIND", "司法确认申请期限将于 " + LocalDate.ofInstant(
                    settings.confirmDeadline(d.concludedAt()), clock.getZone()) + " 届满，请提醒双方当事人共同申请",
                    0L, "系统", now);
            return 2;
        }
        store.update(d.id(), d.version(), "next_check_at = NULL");
        return -1;
    }
}
