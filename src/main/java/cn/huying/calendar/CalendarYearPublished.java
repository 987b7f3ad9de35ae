package cn.huying.calendar;

/**
 * Published after a year's holiday notice was imported (in the import's transaction, so
 * listeners annotated {@code @ApplicationModuleListener} see it once the import is committed).
 *
 * @param year      the year of the notice
 * @param daysListed how many dates the notice lists (days off and make-up workdays)
 */
public record CalendarYearPublished(int year, int daysListed) {
}
