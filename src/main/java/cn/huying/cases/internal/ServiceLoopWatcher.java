package cn.huying.cases.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import cn.huying.cases.internal.CaseWatches.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts and ends the service loop's watches as the case moves, in the transaction of the step itself (a plain
 * event listener): registration starts the first-contact watch, closing starts the revisit watch, staged progress
 * watches its promised date, a report at the grid or an escalation to the village starts the tier clock. The case
 * row is not written, so none of this changes its version.
 */
@Component
@EnableConfigurationProperties(ServiceLoopProperties.class)
class ServiceLoopWatcher {

    private final CaseWatches watches;
    private final JdbcClient jdbc;
    private final TimeLimitPolicy policy;
    private final ServiceLoopProperties props;

    ServiceLoopWatcher(CaseWatches watches, JdbcClient jdbc, TimeLimitPolicy policy, ServiceLoopProperties props) {
        this.watches = watches;
        this.jdbc = jdbc;
        this.policy = policy;
        this.props = props;
    }

    @EventListener
    void on(CaseEvent.CaseReported e) {
        Tier tier = e.facts().tier();
        if (e.facts().state() == CaseState.REPORTED && (tier == Tier.GRID || tier == Tier.VILLAGE)) {
            watchTier(e.facts().caseId(), tier, e.facts().at());
        }
    }

    @EventListener
    void on(CaseEvent.CaseEscalated e) {
        long id = e.facts().caseId();
        watches.done(id, e.facts().at(), Kind.TIER);
        if (e.facts().tier() == Tier.VILLAGE) {
            watchTier(id, Tier.VILLAGE, e.facts().at());
        }
    }

    @EventListener
    void on(CaseEvent.CaseRegistered e) {
        long id = e.facts().caseId();
        Instant now = e.facts().at();
        watches.done(id, now, Kind.TIER);
        jdbc.sql("SELECT first_contact_due_at FROM case_file WHERE id = ? AND first_contacted_at IS NULL")
                .param(id).query((rs, n) -> CaseRows.instant(rs, "first_contact_due_at")).optional()
                .ifPresent(due -> watches.watch(id, Kind.FIRST_CONTACT, null, due, notBefore(policy.yellowAt(due), now), now));
    }

    @EventListener
    void on(CaseEvent.CaseFirstContacted e) {
        watches.done(e.facts().caseId(), e.facts().at(), Kind.FIRST_CONTACT);
    }

    @EventListener
    void on(CaseEvent.CaseProgressRecorded e) {
        long id = e.facts().caseId();
        Instant now = e.facts().at();
        watches.done(id, now, Kind.PROGRESS);
        if (e.promisedDate() != null) {
            Instant due = endOf(e.promisedDate());
            watches.watch(id, Kind.PROGRESS, null, due, notBefore(policy.yellowAt(due), now), now);
        }
    }

    /** The answer is a contact too, and the promise is kept; the case has left its tier's clock. */
    @EventListener
    void on(CaseEvent.CaseResolved e) {
        finishOpenWatches(e.facts().caseId(), e.facts().at());
    }

    @EventListener
    void on(CaseEvent.CaseRejected e) {
        finishOpenWatches(e.facts().caseId(), e.facts().at());
    }

    @EventListener
    void on(CaseEvent.CaseMerged e) {
        finishOpenWatches(e.facts().caseId(), e.facts().at());
    }

    @EventListener
    void on(CaseEvent.CaseTransferred e) {
        finishOpenWatches(e.facts().caseId(), e.facts().at());
    }

    /** 回访 is due within {@code revisit-days} working days of closing; the reminder comes at the start of that day. */
    @EventListener
    void on(CaseEvent.CaseClosed e) {
        if (e.facts().state() != CaseState.CLOSED) {
            return; // a merged case following its lead: its reporter is told with the lead, no revisit of its own
        }
        long id = e.facts().caseId();
        Instant now = e.facts().at();
        // a case closes after it was resolved or transferred, which finished its other watches already
        Instant due = policy.endOfNthWorkdayAfter(now, props.revisitDays());
        Instant remind = notBefore(LocalDate.ofInstant(due, policy.zone()).atStartOfDay(policy.zone()).toInstant(), now);
        watches.watch(id, Kind.REVISIT, null, due, remind, now);
    }

    @EventListener
    void on(CaseEvent.CaseRevisited e) {
        watches.done(e.facts().caseId(), e.facts().at(), Kind.REVISIT);
    }

    private void finishOpenWatches(long id, Instant now) {
        watches.done(id, now, Kind.FIRST_CONTACT, Kind.PROGRESS, Kind.TIER);
    }

    private void watchTier(long id, Tier tier, Instant now) {
        int days = tier == Tier.GRID ? props.gridDays() : props.villageDays();
        Instant due = policy.endOfNthWorkdayAfter(now, days);
        watches.watch(id, Kind.TIER, tier.name(), due, notBefore(policy.yellowAt(due), now), now);
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(policy.zone()).toInstant();
    }

    private static Instant notBefore(Instant at, Instant earliest) {
        return at.isBefore(earliest) ? earliest : at;
    }
}
