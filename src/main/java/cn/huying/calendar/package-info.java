/**
 * Working calendar 工作日历: which days are working days on the official Chinese calendar, and
 * deadline arithmetic in working days and working hours.
 *
 * <p>The calendar is data, not code: the State Council General Office publishes each November
 * its notice for the next year (《国务院办公厅关于X年部分节假日安排的通知》), listing the public
 * holidays 法定节假日 and the make-up workdays 调休上班 (a Saturday or Sunday worked to bridge a
 * holiday). A date not listed follows the normal week, Monday to Friday working. A year without a
 * published notice falls back to the normal week and is marked <em>assumed</em>.
 *
 * <p>API: {@link cn.huying.calendar.WorkingCalendar} and {@link cn.huying.calendar.Deadline} for
 * the arithmetic; {@link cn.huying.calendar.CalendarYears} for the year listing and the import of
 * a notice; the SPI {@link cn.huying.calendar.AssumedDeadlines} that modules storing deadlines
 * implement; the event {@link cn.huying.calendar.CalendarYearPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working calendar",
        allowedDependencies = {"identity", "shared"})
package cn.huying.calendar;
