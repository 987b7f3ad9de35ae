package cn.huying.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A deadline computed by the {@link WorkingCalendar}.
 *
 * @param at      the last instant by which the work is due
 * @param assumed some counted day lies in a year without a published notice, so the deadline
 *                may move when that year's notice is imported (see {@link AssumedDeadlines})
 */
public record Deadline(Instant at, boolean assumed) {

    public Deadline {
        Objects.requireNonNull(at, "at");
    }
}
