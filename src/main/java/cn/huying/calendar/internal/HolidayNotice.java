package cn.huying.calendar.internal;

import java.util.List;

/**
 * A year's holiday notice 节假日安排, validated: the year, where it was published, and the dates it lists.
 *
 * @param year   the year the notice is for
 * @param papers the addresses of the notice (gov.cn), possibly none
 * @param days   the dates it lists, each once, all between December of the year before and January of the year after
 */
record HolidayNotice(int year, List<String> papers, List<ListedDay> days) {

    HolidayNotice {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }
}
