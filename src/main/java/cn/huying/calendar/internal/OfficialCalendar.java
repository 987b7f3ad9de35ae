package cn.huying.calendar.internal;

import cn.huying.calendar.CalendarDay;
import cn.huying.calendar.Deadline;
import cn.huying.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link WorkingCalendar} on the official Chinese calendar: the arithmetic over
 * {@link CalendarData} and {@link CalendarRules}. Takes the data from a supplier, once per call,
 * so a call sees one consistent calendar even while a notice is being imported.
 */
final class OfficialCalendar implements WorkingCalendar {

    /** Day limits fall on the last second of the due day. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /**
     * Ten years of days: more than any limit the platform accepts can span. Every year of the
     * calendar has working days, so the loops end long before; this only guards against bad data.
     */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final CalendarRules rules;
    private final Supplier<CalendarData> data;

    OfficialCalendar(CalendarRules rules, Supplier<CalendarData> data) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.data = Objects.requireNonNull(data, "data");
    }

    CalendarRules rules() {
        return rules;
    }

    @Override
    public ZoneId zone() {
        return rules.zone();
    }

    @Override
    public boolean isWorkday(LocalDate date) {
        return data.get().isWorkday(date);
    }

    @Override
    public boolean isAssumed(LocalDate date) {
        return data.get().isAssumed(date);
    }

    @Override
    public Optional<String> holidayName(LocalDate date) {
        return data.get().name(date);
    }

    /** Every date of a year as the public listing shows it. */
    List<CalendarDay> days(int year) {
        CalendarData calendar = data.get();
        List<CalendarDay> days = new ArrayList<>(366);
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            days.add(new CalendarDay(d, calendar.isWorkday(d), calendar.name(d).orElse(null)));
        }
        return days;
    }

    @Override
    public Deadline addWorkingDays(Instant from, int workingDays) {
        Objects.requireNonNull(from, "from");
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        ZonedDateTime received = from.atZone(rules.zone());
        LocalDate receiptDay = received.toLocalDate();
        if (workingDays == 0) {
            // same-day work: the end of the receipt's own calendar day, whatever the calendar says
            return new Deadline(endOf(receiptDay), false);
        }
        CalendarData calendar = data.get();
        boolean assumed = calendar.isAssumed(receiptDay);
        LocalDate countFrom = receiptDay;
        if (rules.afterHours() == AfterHours.NEXT_WORKDAY
                && (!calendar.isWorkday(receiptDay) || !received.toLocalTime().isBefore(rules.closing()))) {
            // received after close or on a day off: as if received when the office next opens
            countFrom = receiptDay;
            do {
                countFrom = step(countFrom, receiptDay);
                assumed |= calendar.isAssumed(countFrom);
            } while (!calendar.isWorkday(countFrom));
        }
        // the due day is the Nth working day after countFrom, or counting countFrom itself as the first
        LocalDate day = rules.receiptDayCounts() ? countFrom.minusDays(1) : countFrom;
        int left = workingDays;
        while (left > 0) {
            day = step(day, receiptDay);
            assumed |= calendar.isAssumed(day);
            if (calendar.isWorkday(day)) {
                left--;
            }
        }
        return new Deadline(endOf(day), assumed);
    }

    @Override
    public Deadline addWorkingHours(Instant from, int workingHours) {
        Objects.requireNonNull(from, "from");
        if (workingHours < 0) {
            throw new IllegalArgumentException("workingHours must not be negative: " + workingHours);
        }
        if (workingHours == 0) {
            return new Deadline(from, false);
        }
        CalendarData calendar = data.get();
        ZonedDateTime received = from.atZone(rules.zone());
        LocalDate start = received.toLocalDate();
        LocalDate day = start;
        LocalTime now = received.toLocalTime();
        Duration left = Duration.ofHours(workingHours);
        boolean assumed = false;
        while (true) {
            assumed |= calendar.isAssumed(day);
            if (calendar.isWorkday(day)) {
                for (OfficeHours hours : rules.officeHours()) {
                    if (!now.isBefore(hours.end())) {
                        continue;
                    }
                    LocalTime begin = now.isAfter(hours.start()) ? now : hours.start();
                    Duration available = Duration.between(begin, hours.end());
                    if (left.compareTo(available) <= 0) {
                        return new Deadline(day.atTime(begin.plus(left)).atZone(rules.zone()).toInstant(), assumed);
                    }
                    left = left.minus(available);
                    now = hours.end();
                }
            }
            day = step(day, start);
            now = LocalTime.MIN;
        }
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        CalendarData calendar = data.get();
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkday(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public LocalDate workdayOnOrAfter(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarData calendar = data.get();
        LocalDate d = date;
        while (!calendar.isWorkday(d)) {
            d = step(d, date);
        }
        return d;
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(rules.zone()).toInstant();
    }

    /** The next day, refusing to walk further than {@link #MAX_DAYS_SCANNED} from where the walk began. */
    private static LocalDate step(LocalDate day, LocalDate began) {
        LocalDate next = day.plusDays(1);
        if (next.toEpochDay() - began.toEpochDay() > MAX_DAYS_SCANNED) {
            throw new IllegalStateException("no working day within " + MAX_DAYS_SCANNED + " days of " + began
                    + ": the calendar data is wrong");
        }
        return next;
    }
}
