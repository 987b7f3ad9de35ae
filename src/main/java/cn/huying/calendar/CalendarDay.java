package cn.huying.calendar;

import java.time.LocalDate;

/**
 * One date of the calendar as the public listing shows it.
 *
 * @param date    the date
 * @param workday whether it is a working day
 * @param name    the holiday's name for a listed day off, e.g. "国庆节"; for a listed working day
 *                the holiday it belongs to with a note, e.g. "国庆节（调休上班）"; {@code null} for an
 *                ordinary day
 */
public record CalendarDay(LocalDate date, boolean workday, String name) {
}
