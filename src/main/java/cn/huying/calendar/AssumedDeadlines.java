package cn.huying.calendar;

/**
 * SPI: implemented by modules that store deadlines; called after a new year's notice is imported,
 * in the same transaction. During the call the {@link WorkingCalendar} already answers with the
 * new notice, and an exception rolls the whole import back. Implementations are found as Spring
 * beans.
 */
public interface AssumedDeadlines {

    /** recompute stored deadlines that depended on assumed days of `year`; return how many changed */
    int recompute(int year);
}
