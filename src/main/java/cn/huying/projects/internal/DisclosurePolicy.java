package cn.huying.projects.internal;

import cn.huying.calendar.WorkingCalendar;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 信息公开时限: each step's result is disclosed within {@code huying.projects.disclosure-working-days} (20) working
 * days of the step's completion on the platform's working calendar; the officer is warned
 * {@code huying.projects.warn-working-days} (3) working days before the limit. Both instants are computed once,
 * stored on the step record and found again by {@link DisclosureSweep}.
 */
@Component
class DisclosurePolicy {

    private final WorkingCalendar calendar;
    private final int workingDays;
    private final int warnBefore;

    DisclosurePolicy(WorkingCalendar calendar, @Value("${huying.projects.disclosure-working-days:20}") int workingDays,
                     @Value("${huying.projects.warn-working-days:3}") int warnBefore) {
        if (workingDays < 1 || warnBefore < 0 || warnBefore >= workingDays) {
            throw new IllegalArgumentException("disclosure-working-days must be >= 1 and warn-working-days below it");
        }
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.warnBefore = warnBefore;
    }

    int workingDays() {
        return workingDays;
    }

    /** The end of the 20th working day after the step's completion. */
    Instant dueAt(Instant completedAt) {
        return calendar.addWorkingDays(completedAt, workingDays).at();
    }

    /** The end of the 17th working day: from then on the officer is warned. */
    Instant warnAt(Instant completedAt) {
        return calendar.addWorkingDays(completedAt, workingDays - warnBefore).at();
    }

    /** End of a milestone's due day (the calendar's zone). */
    Instant endOf(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }
}
