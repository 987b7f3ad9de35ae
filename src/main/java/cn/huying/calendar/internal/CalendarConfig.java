package cn.huying.calendar.internal;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link cn.huying.calendar.WorkingCalendar} bean: the official calendar over the data held by {@link CalendarStore}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfig {

    /**
     * The calendar, in the zone of the platform's Clock: deadlines are counted in the calendar's zone and every other
     * date is counted and shown in the clock's, so a clock in another zone stops the start.
     */
    @Bean
    OfficialCalendar workingCalendar(CalendarProperties properties, CalendarStore store, Clock clock) {
        CalendarRules rules = properties.rules();
        if (!rules.zone().equals(clock.getZone())) {
            throw new IllegalStateException("the platform's Clock runs in " + clock.getZone()
                    + " but huying.calendar.zone is " + rules.zone()
                    + ": every date is counted and shown in the clock's zone, which must be the calendar's");
        }
        return new OfficialCalendar(rules, store::data);
    }
}
