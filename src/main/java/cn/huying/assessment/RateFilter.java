package cn.huying.assessment;

import java.time.LocalDate;

/**
 * What a rate is counted over: a region (within the caller's scope; {@code null}: the whole scope), a department,
 * a category (with its sub-categories), a channel and a kind, and the days {@code from}–{@code to} inclusive
 * (days of the platform's zone, see {@link cn.huying.shared.Zones}).
 */
public record RateFilter(Long regionId, Long departmentId, Long categoryId, String channel, String kind,
                         LocalDate from, LocalDate to) {

    /** The same filter one year earlier (同比). */
    public RateFilter lastYear() {
        return new RateFilter(regionId, departmentId, categoryId, channel, kind, from.minusYears(1), to.minusYears(1));
    }
}
