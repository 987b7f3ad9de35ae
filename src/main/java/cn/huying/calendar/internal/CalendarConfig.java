package cn.huying.calendar.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link cn.huying.calendar.WorkingCalendar} bean: the official calendar over the data held by {@link CalendarStore}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfig {

    @Bean
    OfficialCalendar workingCalendar(CalendarProperties properties, CalendarStore store) {
        return new OfficialCalendar(properties.rules(), store::data);
    }
}
