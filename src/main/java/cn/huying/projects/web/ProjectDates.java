package cn.huying.projects.web;

import cn.huying.projects.internal.DateTexts;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Dates on the project pages, as {@code ${@projectDates.dateTime(t)}}. */
@Component("projectDates")
class ProjectDates {

    private final Clock clock;

    ProjectDates(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant t) {
        return DateTexts.dateTime(t, clock.getZone());
    }

    public String date(Instant t) {
        return DateTexts.date(t, clock.getZone());
    }

    /** Yuan as 亿元 with two decimals, half-up (1,320,000,000.00 → 13.20). */
    public java.math.BigDecimal hundredMillions(java.math.BigDecimal yuan) {
        return yuan == null ? java.math.BigDecimal.ZERO.setScale(2)
                : yuan.divide(java.math.BigDecimal.valueOf(100_000_000L), 2, java.math.RoundingMode.HALF_UP);
    }
}
