package cn.huying;

import cn.huying.shared.Zones;
import java.time.Clock;
import java.time.DateTimeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform, in the working calendar's zone ({@code huying.calendar.zone}, the same setting the
 * calendar reads; see {@link Zones}). Tests replace it with a controllable one. Public only so that a test can start it
 * without the whole application.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformClock {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value(Zones.SETTING) String zone) {
        try {
            return Clock.system(Zones.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalStateException("invalid huying.calendar.zone: " + e.getMessage(), e);
        }
    }
}
