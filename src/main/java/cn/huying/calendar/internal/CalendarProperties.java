package cn.huying.calendar.internal;

import cn.huying.shared.Zones;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huying.calendar}; every one has a default, see {@code docs/calendar.md}.
 *
 * @param zone             time zone of the calendar, and of the platform's Clock: every date counted or shown
 *                         (see {@link Zones})
 * @param officeHours      office hours of a working day as {@code HH:mm-HH:mm} ranges
 * @param receiptDayCounts whether the day of receipt counts as the first working day
 * @param afterHours       what a receipt after office close or on a day off does
 * @param recheck          how often a node checks whether another node imported a notice
 */
@ConfigurationProperties("huying.calendar")
record CalendarProperties(String zone, List<String> officeHours, Boolean receiptDayCounts, AfterHours afterHours,
                          Duration recheck) {

    CalendarProperties {
        if (zone == null || zone.isBlank()) {
            zone = Zones.DEFAULT;
        }
        if (officeHours == null || officeHours.isEmpty()) {
            officeHours = List.of("08:30-12:00", "13:30-17:30");
        }
        if (receiptDayCounts == null) {
            receiptDayCounts = false;
        }
        if (afterHours == null) {
            afterHours = AfterHours.NEXT_WORKDAY;
        }
        if (recheck == null) {
            recheck = Duration.ofSeconds(30);
        }
    }

    /** The rules; a wrong setting stops the start with a message naming it. */
    CalendarRules rules() {
        try {
            return new CalendarRules(Zones.of(zone), officeHours.stream().map(OfficeHours::parse).toList(),
                    receiptDayCounts, afterHours);
        } catch (RuntimeException e) {
            throw new IllegalStateException("invalid huying.calendar settings: " + e.getMessage(), e);
        }
    }
}
