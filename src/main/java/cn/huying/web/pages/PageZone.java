package cn.huying.web.pages;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The zone every date on a page is shown in: the platform Clock's, which is the working calendar's
 * ({@code huying.calendar.zone}, see {@link cn.huying.shared.Zones}). In a template:
 * {@code #temporals.format(t, 'yyyy-MM-dd HH:mm', @pageZone.zone())}.
 */
@Component("pageZone")
class PageZone {

    private final Clock clock;

    PageZone(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
