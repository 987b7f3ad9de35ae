package cn.huying.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar's data at one moment: the years with a published notice and every listed date.
 * Immutable; replaced as a whole when a notice is imported.
 */
final class CalendarData {

    private final Set<Integer> publishedYears;
    private final Map<LocalDate, ListedDay> listed;

    private CalendarData(Set<Integer> publishedYears, Map<LocalDate, ListedDay> listed) {
        this.publishedYears = Set.copyOf(publishedYears);
        this.listed = Map.copyOf(listed);
    }

    /**
     * The calendar made of these notices. When two notices list the same date (a notice may list
     * late December of the year before), the later notice's word stands.
     */
    static CalendarData of(Collection<Integer> publishedYears, Collection<ListedDay> days) {
        Map<LocalDate, ListedDay> byDate = new HashMap<>();
        List<ListedDay> ordered = days.stream().sorted(Comparator.comparingInt(ListedDay::noticeYear)).toList();
        for (ListedDay day : ordered) {
            byDate.put(day.date(), day);
        }
        return new CalendarData(Set.copyOf(publishedYears), byDate);
    }

    boolean published(int year) {
        return publishedYears.contains(year);
    }

    boolean isAssumed(LocalDate date) {
        return !publishedYears.contains(date.getYear());
    }

    boolean isWorkday(LocalDate date) {
        ListedDay day = listed.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The name of a listed date: the holiday's name for a day off; for a listed working day the
     * holiday's name with "（调休上班）" on a weekend (a make-up workday), "（上班）" on a weekday
     * (e.g. 2020-02-03, when work resumed after the extended Spring Festival of 2020).
     */
    Optional<String> name(LocalDate date) {
        ListedDay day = listed.get(date);
        if (day == null) {
            return Optional.empty();
        }
        if (day.offDay()) {
            return Optional.of(day.name());
        }
        DayOfWeek weekday = date.getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        return Optional.of(day.name() + (weekend ? "（调休上班）" : "（上班）"));
    }
}
