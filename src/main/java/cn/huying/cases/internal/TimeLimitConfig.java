package cn.huying.cases.internal;

import cn.huying.calendar.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the time-limit policy to the official working calendar. */
@Configuration
@EnableConfigurationProperties(TimeLimitConfig.SlaProperties.class)
class TimeLimitConfig {

    /**
     * Settings under {@code huying.sla}.
     *
     * @param maxExtensionDays  the most working days one extension may add (DOMAIN.md: 10)
     * @param returnWindowDays  a return 回退 must come within this many working days of dispatch (2)
     * @param sweepBatch        cases one sweep pass looks at, at most
     */
    @ConfigurationProperties("huying.sla")
    record SlaProperties(Integer maxExtensionDays, Integer returnWindowDays, Integer sweepBatch) {
        SlaProperties {
            maxExtensionDays = maxExtensionDays == null ? 10 : maxExtensionDays;
            returnWindowDays = returnWindowDays == null ? 2 : returnWindowDays;
            sweepBatch = sweepBatch == null ? 500 : sweepBatch;
        }
    }

    @Bean
    TimeLimitPolicy timeLimitPolicy(WorkingCalendar calendar) {
        return new TimeLimitPolicy(calendar);
    }
}
