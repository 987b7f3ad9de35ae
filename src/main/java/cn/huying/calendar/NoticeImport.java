package cn.huying.calendar;

/**
 * Outcome of importing a year's holiday notice.
 *
 * @param year                 the year of the notice
 * @param daysListed           how many dates the notice lists
 * @param deadlinesRecomputed  how many stored deadlines the {@link AssumedDeadlines} implementations changed
 */
public record NoticeImport(int year, int daysListed, int deadlinesRecomputed) {
}
