package cn.huying.calendar.internal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date a holiday notice lists.
 *
 * @param noticeYear the year of the notice that lists it (a notice may list late December of the year before)
 * @param date       the date
 * @param offDay     true: a day off 放假; false: a working day, usually a make-up workday 调休上班 on a weekend
 * @param name       the holiday's name in the notice, e.g. "春节"
 */
record ListedDay(int noticeYear, LocalDate date, boolean offDay, String name) {

    ListedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
