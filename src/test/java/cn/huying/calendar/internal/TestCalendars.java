package cn.huying.calendar.internal;

import cn.huying.calendar.WorkingCalendar;

/** The official calendar of the bundled 2020–2026 notices with the default rules, for other modules' unit tests. */
public final class TestCalendars {

    private TestCalendars() {
    }

    public static WorkingCalendar official() {
        return BundledNotices.workingCalendar(CalendarRules.defaults());
    }
}
