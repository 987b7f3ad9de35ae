package cn.huying.cases.internal;

import cn.huying.calendar.Deadline;
import cn.huying.calendar.WorkingCalendar;
import cn.huying.cases.Channel;
import cn.huying.cases.TimeLimitRule;
import cn.huying.cases.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The time-limit policy 限时办结 (DOMAIN.md section 4), on the official working calendar:
 * <ul>
 *   <li>Of the rules that apply to a case, the strictest first-contact and completion limits count;
 *       a deadline imposed by the sender (the hotline) applies if it is earlier.</li>
 *   <li>Yellow 黄灯 from the start of the working day before the due day; red 红灯 from the start of
 *       the first working day after it.</li>
 *   <li>Staged progress 阶段性进展 is due within 3 working days after a missed deadline; a return 回退
 *       must come within 2 working days of dispatch; an extension adds working days after the
 *       current due day.</li>
 * </ul>
 */
public class TimeLimitPolicy {

    /** What applies to one case. */
    public record Applied(TimeLimitRule completion, Integer firstContactDays) {
    }

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public TimeLimitPolicy(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    /** The calendar's zone, in which days begin and end. */
    public ZoneId zone() {
        return zone;
    }

    public static boolean applies(TimeLimitRule r, Channel channel, String limitKey, Urgency urgency) {
        return (r.channel() == null || r.channel() == channel)
                && (r.limitKey() == null || r.limitKey().equals(limitKey))
                && (r.urgency() == null || r.urgency() == urgency);
    }

    /** The strictest completion rule and the strictest first-contact limit among the rules that apply. */
    public Applied select(List<TimeLimitRule> rules, Channel channel, String limitKey, Urgency urgency) {
        List<TimeLimitRule> matching = rules.stream().filter(r -> applies(r, channel, limitKey, urgency)).toList();
        Optional<TimeLimitRule> completion = matching.stream()
                .filter(r -> r.completionDays() != null || r.completionHours() != null)
                .min(Comparator.comparingDouble(TimeLimitPolicy::completionWeight).thenComparingInt(TimeLimitRule::sortOrder));
        Integer firstContact = matching.stream().map(TimeLimitRule::firstContactDays)
                .filter(d -> d != null).min(Integer::compare).orElse(null);
        return new Applied(completion.orElse(null), firstContact);
    }

    /** Days count as 8 working hours, to compare day and hour limits. */
    private static double completionWeight(TimeLimitRule r) {
        return r.completionDays() != null ? r.completionDays() * 8.0 : r.completionHours();
    }

    /** The time limits of a case received at {@code receivedAt}, with {@code extensionDays} already granted. */
    public Sla limits(Instant receivedAt, Instant externalDueAt, int ruleVersion, Applied applied,
                               int extensionDays) {
        TimeLimitRule rule = applied.completion();
        Deadline due = rule.completionHours() != null ? calendar.addWorkingHours(receivedAt, rule.completionHours())
                : calendar.addWorkingDays(receivedAt, rule.completionDays());
        Instant dueAt = due.at();
        boolean assumed = due.assumed();
        if (externalDueAt != null && externalDueAt.isBefore(dueAt)) {
            dueAt = externalDueAt;
        }
        if (extensionDays > 0) {
            dueAt = endOfNthWorkdayAfter(dueAt, extensionDays);
            assumed = assumed || calendar.isAssumed(LocalDate.ofInstant(dueAt, zone));
        }
        Instant firstContactDue = null;
        if (applied.firstContactDays() != null) {
            Deadline fc = calendar.addWorkingDays(receivedAt, applied.firstContactDays());
            // a case to be done sooner than its contact limit (an emergency the same day) is contacted by then too
            firstContactDue = fc.at().isAfter(dueAt) ? dueAt : fc.at();
            assumed = assumed || fc.assumed();
        }
        // no light before the case exists: a case due within a working day is yellow from its receipt
        Instant yellow = notBefore(yellowAt(dueAt), receivedAt);
        Instant red = redAt(dueAt);
        return new Sla(receivedAt, externalDueAt, ruleVersion, rule.id(), firstContactDue, null, dueAt, assumed,
                extensionDays, yellow, red, 0, yellow, null, endOfNthWorkdayAfter(dueAt, 3), null);
    }

    /** The same limits with a new due time (an approved extension), the light back to green. */
    public Sla extended(Sla sla, int workingDays) {
        Instant dueAt = endOfNthWorkdayAfter(sla.dueAt(), workingDays);
        Instant yellow = yellowAt(dueAt);
        return new Sla(sla.receivedAt(), sla.externalDueAt(), sla.ruleVersion(), sla.ruleId(),
                sla.firstContactDueAt(), sla.firstContactedAt(), dueAt,
                sla.assumed() || calendar.isAssumed(LocalDate.ofInstant(dueAt, zone)), sla.extensionDays() + workingDays,
                yellow, redAt(dueAt), 0, yellow, null, endOfNthWorkdayAfter(dueAt, 3), sla.lastProgressAt());
    }

    /** After a stop (parked): the deadline moves by the working days the clock stood still. */
    public Sla resumed(Sla sla, Instant now) {
        if (sla.dueAt() == null || sla.clockStoppedAt() == null) {
            return sla;
        }
        int stood = calendar.workingDaysBetween(LocalDate.ofInstant(sla.clockStoppedAt(), zone), LocalDate.ofInstant(now, zone));
        Instant dueAt = stood == 0 ? sla.dueAt() : endOfNthWorkdayAfter(sla.dueAt(), stood);
        if (dueAt.equals(sla.dueAt())) {
            // same deadline: the lights already given stay given
            return new Sla(sla.receivedAt(), sla.externalDueAt(), sla.ruleVersion(), sla.ruleId(),
                    sla.firstContactDueAt(), sla.firstContactedAt(), dueAt, sla.assumed(), sla.extensionDays(),
                    sla.yellowAt(), sla.redAt(), sla.level(), sla.level() == 0 ? sla.yellowAt()
                    : sla.level() == 1 ? sla.redAt() : null, null, sla.progressDueAt(), sla.lastProgressAt());
        }
        // a new deadline: its lights are watched afresh
        Instant yellow = yellowAt(dueAt);
        return new Sla(sla.receivedAt(), sla.externalDueAt(), sla.ruleVersion(), sla.ruleId(),
                sla.firstContactDueAt(), sla.firstContactedAt(), dueAt, sla.assumed(), sla.extensionDays(), yellow,
                redAt(dueAt), 0, yellow, null, endOfNthWorkdayAfter(dueAt, 3), sla.lastProgressAt());
    }

    /** The end (last instant) of the Nth working day after the day of {@code from}. */
    public Instant endOfNthWorkdayAfter(Instant from, int n) {
        LocalDate day = LocalDate.ofInstant(from, zone);
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkday(day)) {
                counted++;
            }
        }
        return endOf(day);
    }

    private static Instant notBefore(Instant at, Instant earliest) {
        return at.isBefore(earliest) ? earliest : at;
    }

    /** Start of the working day before the due day: one working day left. */
    public Instant yellowAt(Instant dueAt) {
        LocalDate day = LocalDate.ofInstant(dueAt, zone).minusDays(1);
        for (int i = 0; i < 60 && !calendar.isWorkday(day); i++) {
            day = day.minusDays(1);
        }
        return day.atStartOfDay(zone).toInstant();
    }

    /** Start of the first working day after the due day. */
    public Instant redAt(Instant dueAt) {
        LocalDate day = LocalDate.ofInstant(dueAt, zone).plusDays(1);
        for (int i = 0; i < 60 && !calendar.isWorkday(day); i++) {
            day = day.plusDays(1);
        }
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }
}
