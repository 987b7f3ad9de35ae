package cn.huying.calendar.internal;

import cn.huying.shared.Zones;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How deadlines are counted, from {@code huying.calendar}.
 *
 * @param zone             the time zone of the calendar, {@link Zones#DEFAULT} unless set; the platform Clock's zone
 * @param officeHours      office hours of a working day, in order, not overlapping
 * @param receiptDayCounts whether the day of receipt is the first of the N working days
 *                         (false: "within N working days" ends with the Nth working day after it)
 * @param afterHours       what a receipt after office close or on a day off does
 */
record CalendarRules(ZoneId zone, List<OfficeHours> officeHours, boolean receiptDayCounts, AfterHours afterHours) {

    static final ZoneId SHANGHAI = ZoneId.of(Zones.DEFAULT);

    CalendarRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(afterHours, "afterHours");
        officeHours = List.copyOf(officeHours);
        if (officeHours.isEmpty()) {
            throw new IllegalArgumentException("at least one range of office hours is needed");
        }
        for (int i = 1; i < officeHours.size(); i++) {
            if (officeHours.get(i).start().isBefore(officeHours.get(i - 1).end())) {
                throw new IllegalArgumentException("office hours must be in order and not overlap: " + officeHours);
            }
        }
    }

    /**
     * The defaults: China Standard Time ({@link Zones#DEFAULT}), 08:30–12:00 and 13:30–17:30, receipt day not counted,
     * after hours → next working day.
     */
    static CalendarRules defaults() {
        return new CalendarRules(SHANGHAI, List.of(OfficeHours.parse("08:30-12:00"), OfficeHours.parse("13:30-17:30")),
                false, AfterHours.NEXT_WORKDAY);
    }

    CalendarRules withReceiptDayCounts(boolean counts) {
        return new CalendarRules(zone, officeHours, counts, afterHours);
    }

    CalendarRules withAfterHours(AfterHours rule) {
        return new CalendarRules(zone, officeHours, receiptDayCounts, rule);
    }

    /** When the office opens. */
    LocalTime opening() {
        return officeHours.get(0).start();
    }

    /** When the office closes; a receipt at or after this time is after hours. */
    LocalTime closing() {
        return officeHours.get(officeHours.size() - 1).end();
    }
}
