package cn.huying.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The official working calendar and the deadline arithmetic of time limits 限时办结.
 *
 * <p>A working day 工作日 is a Monday to Friday that is not a public holiday, or a make-up workday
 * 调休上班 (a weekend day the holiday notice declares a working day). Day limits fall at the end of
 * the due day (23:59:59 local time); hour limits count office hours on working days only. The
 * rules (office hours, whether the day of receipt counts, what a receipt after hours does) are
 * configuration under {@code huying.calendar}; see {@code docs/calendar.md}.
 */
public interface WorkingCalendar {

    /** Whether the date is a working day: listed by a notice, else Monday to Friday. */
    boolean isWorkday(LocalDate date);

    /** true when the date's year has no published notice and Mon–Fri is assumed */
    boolean isAssumed(LocalDate date);

    /**
     * The name the notice gives a listed date: the holiday's name for a day off (e.g. "春节"),
     * and for a listed working day the holiday it belongs to with a note, e.g. "春节（调休上班）".
     * Empty for a date no notice lists.
     */
    Optional<String> holidayName(LocalDate date);

    /**
     * Deadline N working days after a receipt at {@code from}. With the default rules the
     * deadline is the end of the Nth working day after the day of receipt; a receipt after
     * office close or on a day off counts from the next working day. N = 0 means the end of the
     * receipt day itself.
     *
     * @throws IllegalArgumentException if {@code workingDays} is negative
     */
    Deadline addWorkingDays(Instant from, int workingDays);

    /**
     * Deadline N working hours (office hours on working days) after {@code from}. N = 0 is
     * {@code from} itself.
     *
     * @throws IllegalArgumentException if {@code workingHours} is negative
     */
    Deadline addWorkingHours(Instant from, int workingHours);

    /** Working days strictly after `from`'s date up to and including `to` (0 if to <= from). */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The first working day on or after the date. */
    LocalDate workdayOnOrAfter(LocalDate date);

    /**
     * The calendar's time zone, {@code huying.calendar.zone} (China Standard Time by default); the same as the zone of
     * the platform's Clock, in which every date is counted and shown (see {@link cn.huying.shared.Zones}).
     */
    ZoneId zone();
}
