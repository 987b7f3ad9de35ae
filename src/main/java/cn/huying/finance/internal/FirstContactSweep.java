package cn.huying.finance.internal;

import cn.huying.finance.EngagementStatus;
import cn.huying.finance.FirstContactMissed;
import cn.huying.finance.NeedStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the banks that missed their first-contact deadline (stored on the engagement when it began, computed on the
 * working calendar), reopens their slot and tells the office (an alert and the {@link FirstContactMissed} event).
 * Safe on several nodes: each engagement lapses by a conditional UPDATE that only one node's statement changes.
 */
@Component
public class FirstContactSweep {

    private static final Logger log = LoggerFactory.getLogger(FirstContactSweep.class);
    private static final int BATCH = 200;

    private final NeedRepository repo;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FirstContactSweep(NeedRepository repo, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huying.finance.sweep-interval:5m}",
            initialDelayString = "${huying.finance.sweep-initial-delay:2m}")
    void scheduled() {
        int lapsed = sweep();
        if (lapsed > 0) {
            log.info("阳光产融：{} 家银行超过首次联系期限，名额已释放", lapsed);
        }
    }

    /** Lapses every overdue engagement; returns how many this call lapsed. */
    public int sweep() {
        Instant now = clock.instant();
        int count = 0;
        List<Long> due;
        do {
            due = repo.overdue(now, BATCH);
            for (long id : due) {
                Boolean done = tx.execute(s -> lapse(id, now));
                if (Boolean.TRUE.equals(done)) {
                    count++;
                }
            }
        } while (due.size() == BATCH);
        return count;
    }

    private boolean lapse(long id, Instant now) {
        var before = repo.lapse(id, now);
        if (before.isEmpty()) {
            return false; // another node lapsed it, or the bank made contact meanwhile
        }
        EngagementView e = repo.engagement(id).orElseThrow();
        repo.step(id, before.get(), EngagementStatus.LAPSED, now, "system", "超过首次联系期限，名额释放");
        repo.alert("FIRST_CONTACT_MISSED", id, e.bankName() + " 未在期限内首次联系“" + e.enterpriseName()
                + "”的融资需求 #" + e.needId() + "，名额已释放", now);
        NeedView need = repo.need(e.needId()).orElseThrow();
        if (need.status() == NeedStatus.MATCHING && repo.slotsHeld(need.id()) == 0) {
            repo.moveNeed(need.id(), NeedStatus.MATCHING, NeedStatus.PUBLISHED, null, now);
        }
        events.publishEvent(new FirstContactMissed(id, e.needId(), e.bankId(), e.bankName(), e.contactDue()));
        return true;
    }
}
