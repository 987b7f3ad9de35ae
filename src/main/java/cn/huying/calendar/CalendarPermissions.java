package cn.huying.calendar;

/** Permission strings 权限标识 of the calendar, granted to roles in table {@code role_permission}. */
public final class CalendarPermissions {

    /** Import a year's holiday notice (granted to ADMIN). */
    public static final String CALENDAR_EDIT = "calendar:edit";

    private CalendarPermissions() {
    }
}
