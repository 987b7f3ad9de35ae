package cn.huying.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds every case whose deadline light must change — yellow one working day before the
 * deadline, red on the first working day after it — exactly once. The next instant to look at is
 * stored on the case ({@code next_sla_at}), so the sweep reads an index range and survives
 * restarts. Safe with several nodes on one database: each case is changed by a conditional
 * update on its version; a node that loses the race rolls back and moves on. Red issues one
 * supervision order 督办单 per case and deadline (unique key), published as an event.
 */
@Component
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final Actor SYSTEM = new Actor(0L, "系统", Set.of(), null);

    /** What one sweep did. */
    public record Result(int examined, int yellow, int red, int supervisionOrders) {
    }

    private final CaseRepository repo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final TimeLimitConfig.SlaProperties props;
    private final Clock clock;

    DeadlineSweep(CaseRepository repo, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
                  TimeLimitConfig.SlaProperties props, Clock clock) {
        this.repo = repo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huying.sla.sweep-interval:60s}", initialDelayString = "${huying.sla.sweep-initial-delay:20s}")
    void scheduled() {
        Result r = sweep();
        if (r.yellow() + r.red() > 0) {
            log.info("时限巡检：黄灯 {} 件，红灯 {} 件，督办单 {} 份", r.yellow(), r.red(), r.supervisionOrders());
        }
    }

    /** One pass over every case whose next light change is due now. */
    public Result sweep() {
        Instant now = clock.instant();
        int examined = 0;
        int[] counts = new int[3];
        long afterId = 0;
        while (true) {
            List<Long> ids = jdbc.sql("""
                    SELECT id FROM case_file WHERE next_sla_at <= ? AND id > ? ORDER BY id LIMIT ?""")
                    .params(CaseRows.utc(now), afterId, props.sweepBatch()).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                examined++;
                try {
                    int[] done = tx.execute(s -> process(id, now));
                    if (done != null) {
                        counts[0] += done[0];
                        counts[1] += done[1];
                        counts[2] += done[2];
                    }
                } catch (StaleCase e) {
                    // another node (or a user) changed the case first; the next pass sees it again if needed
                } catch (RuntimeException e) {
                    log.warn("时限巡检跳过事件 {}：{}", id, e.toString());
                }
            }
            afterId = ids.get(ids.size() - 1);
            if (ids.size() < props.sweepBatch()) {
                break;
            }
        }
        return new Result(examined, counts[0], counts[1], counts[2]);
    }

    private static final class StaleCase extends RuntimeException {
        StaleCase() {
            super(null, null, false, false);
        }
    }

    private int[] process(long id, Instant now) {
        CaseFile c = repo.find(id).orElse(null);
        if (c == null) {
            return null;
        }
        Sla sla = c.sla();
        if (sla.nextSlaAt() == null || sla.nextSlaAt().isAfter(now)) {
            return null;
        }
        long expected = c.version();
        int[] done = new int[3];
        if (!sla.running() || !c.state().open() || sla.dueAt() == null) {
            c.stopWatching();
            save(c, expected);
            return done;
        }
        int target = !now.isBefore(sla.redAt()) ? 2 : !now.isBefore(sla.yellowAt()) ? 1 : 0;
        if (target <= sla.level()) {
            return null;
        }
        for (int level = sla.level() + 1; level <= target; level++) {
            Instant next = level == 1 ? sla.redAt() : null;
            c.deadlineLight(level, next, SYSTEM, now);
            done[level - 1]++;
        }
        if (target == 2) {
            Long order = issueOrder(c, now);
            if (order != null) {
                c.supervisionOrderIssued(order, now);
                done[2]++;
            }
        }
        save(c, expected);
        return done;
    }

    private void save(CaseFile c, long expected) {
        if (!repo.saveBySystem(c, expected)) {
            throw new StaleCase();
        }
    }

    /** One order per case and deadline; a second attempt finds the unique key taken. */
    private Long issueOrder(CaseFile c, Instant now) {
        String text = "事件 " + c.code() + "“" + c.intake().title() + "”已超过办结时限，请承办部门立即办理，"
                + "并在 3 个工作日内向群众反馈阶段性进展。";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO supervision_order (case_id, due_at, issued_at, department_id, handler_id, text)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), CaseRows.utc(c.sla().dueAt()), CaseRows.utc(now), c.departmentId(),
                            c.handlerId(), text)
                    .update(keys, "id");
            return keys.getKey().longValue();
        } catch (DuplicateKeyException e) {
            // another node issued it and will commit the light change: this attempt rolls back
            throw new StaleCase();
        }
    }
}
