package cn.huying.calendar;

import java.util.List;

/**
 * The calendar's data by year: the full listing of a year, the published notices, and the import
 * of a new notice 节假日安排导入.
 */
public interface CalendarYears {

    /** Earliest year the listing and the import accept. */
    int FIRST_YEAR = 2000;

    /** Latest year the listing and the import accept. */
    int LAST_YEAR = 2100;

    /**
     * Every date of the year with its working-day flag and name; {@code DomainException} INVALID
     * outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}.
     */
    List<CalendarDay> days(int year);

    /** The years with a published notice, oldest first. */
    List<PublishedNotice> notices();

    /**
     * Imports a year's notice given in the holiday-cn JSON shape
     * ({@code {"year": 2027, "papers": […], "days": [{"name", "date", "isOffDay"}, …]}}) for the
     * current user: validates it, replaces the year's listed days, marks the year published,
     * lets every {@link AssumedDeadlines} recompute, audits and publishes
     * {@link CalendarYearPublished}, all or nothing. Bad input is refused with a
     * {@code DomainException} INVALID naming the fault in Chinese.
     */
    NoticeImport importNotice(byte[] json);
}
