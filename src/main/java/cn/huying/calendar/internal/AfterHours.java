package cn.huying.calendar.internal;

/** What a receipt after office close, or on a day off, does to a day limit. */
enum AfterHours {
    /** It counts as received at the start of office hours of the next working day (the default). */
    NEXT_WORKDAY,
    /** It counts as received on its own calendar date. */
    SAME_DAY
}
