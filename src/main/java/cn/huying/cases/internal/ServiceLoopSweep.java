package cn.huying.cases.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import cn.huying.cases.internal.CaseWatches.Kind;
import cn.huying.cases.internal.CaseSnapshots.Snapshot;
import cn.huying.cases.internal.CaseWatches.Watch;
import cn.huying.identity.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * Watches the service loop's deadlines as the deadline sweep watches completion: a reminder before each, and
 * when one passes unmet, what the rules say — a supervision order for a missed first contact or promised date, the
 * ledger of missed revisits, and a case sitting too long at the grid or village sent up a tier (or its people told).
 * Each row is claimed by a conditional update, so several nodes act on it once; the case's version changes only
 * when the case itself moves (the escalation), never for a reminder, a history line or an order.
 */
@Component
public class ServiceLoopSweep {

    private static final Logger log = LoggerFactory.getLogger(ServiceLoopSweep.class);

    /** What one pass did. */
    public record Result(int reminders, int missed, int orders, int escalated) {
    }

    private final CaseWatches watches;
    private final CaseSnapshots snapshots;
    private final CaseRepository repo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ServiceLoopProperties props;
    private final Clock clock;

    ServiceLoopSweep(CaseWatches watches, CaseSnapshots snapshots, CaseRepository repo, JdbcClient jdbc, TransactionTemplate tx,
                     ApplicationEventPublisher events, ServiceLoopProperties props, Clock clock) {
        this.watches = watches;
        this.snapshots = snapshots;
        this.repo = repo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huying.loop.sweep-interval:60s}", initialDelayString = "${huying.sla.sweep-initial-delay:20s}")
    void scheduled() {
        Result r = sweep();
        if (r.reminders() + r.missed() > 0) {
            log.info("服务闭环巡检：提醒 {} 件，超时 {} 件，督办单 {} 份，上报 {} 件", r.reminders(), r.missed(), r.orders(),
                    r.escalated());
        }
    }

    /** One pass over every watched deadline whose reminder or deadline has come. */
    public Result sweep() {
        Instant now = clock.instant();
        int[] counts = new int[4];
        long afterId = 0;
        while (true) {
            List<Watch> due = watches.due(now, afterId, props.sweepBatch());
            for (Watch w : due) {
                try {
                    tx.executeWithoutResult(s -> process(w, now, counts));
                } catch (RuntimeException e) {
                    log.warn("服务闭环巡检跳过 {} 号时限：{}", w.id(), e.toString());
                }
            }
            if (due.size() < props.sweepBatch()) {
                break;
            }
            afterId = due.get(due.size() - 1).id();
        }
        return new Result(counts[0], counts[1], counts[2], counts[3]);
    }

    private void process(Watch w, Instant now, int[] counts) {
        Optional<Snapshot> found = snapshots.find(w.caseId());
        if (found.isEmpty()) {
            return;
        }
        Snapshot c = found.get();
        if (!pending(w, c)) {
            watches.met(w, now);
            return;
        }
        if (now.isBefore(w.dueAt())) {
            if (watches.reminded(w, now)) {
                events.publishEvent(new CaseEvent.CaseLoopReminder(c.facts(now), w.kind().name(), w.dueAt()));
                counts[0]++;
            }
            return;
        }
        if (!watches.missed(w, now)) {
            return; // another node took it
        }
        counts[1]++;
        switch (w.kind()) {
            case FIRST_CONTACT -> counts[2] += order(c, w, "FIRST_CONTACT", "首次联系超时",
                    "事件 " + c.code() + "“" + c.title() + "”未在时限内与诉求人首次联系，请立即联系并记录。", now);
            case PROGRESS -> counts[2] += order(c, w, "PROGRESS", "承诺办结时限已过",
                    "事件 " + c.code() + "“" + c.title() + "”未在阶段性进展承诺的日期前办结，请说明原因并尽快办结。", now);
            case REVISIT -> history(c, HistoryKind.REVISIT_MISSED, "未在时限内完成回访，已列入回访超时台账", now);
            case TIER -> counts[3] += tierTimeUp(c, w, now);
        }
        events.publishEvent(new CaseEvent.CaseLoopMissed(c.facts(now), w.kind().name(), w.dueAt()));
    }

    /** Whether what the deadline asks for is still undone. */
    private static boolean pending(Watch w, Snapshot c) {
        return switch (w.kind()) {
            case FIRST_CONTACT -> c.firstContactedAt() == null && c.state().open() && c.state() != CaseState.RESOLVED;
            case REVISIT -> c.state() == CaseState.CLOSED;
            case PROGRESS -> c.state().open() && c.state() != CaseState.RESOLVED && c.state() != CaseState.VERIFIED
                    && (c.lastProgressAt() == null || !c.lastProgressAt().isAfter(w.createdAt()));
            case TIER -> c.tier().name().equals(w.tier()) && (c.state() == CaseState.REPORTED
                    || c.state() == CaseState.ESCALATED || c.state() == CaseState.REOPENED);
        };
    }

    /** One order per case, kind and deadline; the department and the leaders over the case are told. */
    private int order(Snapshot c, Watch w, String kind, String title, String text, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO supervision_order (case_id, due_at, issued_at, department_id, handler_id, text, kind)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), CaseRows.utc(w.dueAt()), CaseRows.utc(now), c.departmentId(),
                            c.handlerId(), text, kind)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            return 0;
        }
        history(c, HistoryKind.valueOf("SUPERVISION_" + kind), "督办单：" + title, now);
        events.publishEvent(new CaseEvent.SupervisionOrderOpened(c.facts(now), keys.getKey().longValue(), kind,
                "督办单：" + title, c.handlerId()));
        return 1;
    }

    /** The grid or village had its time: the case goes up as the tier's own worker would send it, or they are told. */
    private int tierTimeUp(Snapshot s, Watch w, Instant now) {
        String tierName = Tier.valueOf(w.tier()).label();
        if (!props.tierAction().equals("ESCALATE")) {
            history(s, HistoryKind.TIER_TIME_UP, tierName + "办理时限已到，请尽快办理或上报", now);
            return 0;
        }
        CaseFile c = repo.find(s.id()).orElseThrow();
        long expected = c.version();
        String role = w.tier().equals(Tier.GRID.name()) ? Roles.GRID_WORKER : Roles.VILLAGE_CADRE;
        c.escalate(new Actor(0L, "系统（" + tierName + "时限已到）", Set.of(role), null),
                tierName + "办理时限已到，自动上报上一级", List.of(), now);
        if (!repo.save(c, expected)) {
            throw new IllegalStateException("case " + s.id() + " changed while it was sent up");
        }
        return 1;
    }

    private void history(Snapshot c, HistoryKind action, String note, Instant now) {
        repo.appendNotes(c.id(), List.of(new HistoryDraft(action, c.state(), c.state(), c.tier(), c.departmentId(),
                0L, "系统", null, note, List.of(), now)));
    }
}
