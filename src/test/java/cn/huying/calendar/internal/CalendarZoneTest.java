package cn.huying.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.huying.PlatformClock;
import cn.huying.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The zone setting {@code huying.calendar.zone} sets the zone of the platform's Clock and of the working calendar
 * alike: dates are counted (deadlines) and shown (everything else) in one zone. Starts only the clock and the
 * calendar's configuration, with the calendar's data left out.
 */
class CalendarZoneTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** UTC+9 all year, an hour ahead of China Standard Time. */
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlatformClock.class, CalendarConfig.class)
            .withBean(CalendarStore.class, () -> mock(CalendarStore.class));

    @Test
    void byDefaultTheClockAndTheCalendarRunInChinaStandardTime() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(Clock.class).getZone()).isEqualTo(SHANGHAI);
            assertThat(c.getBean(WorkingCalendar.class).zone()).isEqualTo(SHANGHAI);
        });
    }

    @Test
    void anotherZoneSetsTheClockAndTheCalendarAlike() {
        context.withPropertyValues("huying.calendar.zone=Asia/Tokyo").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(Clock.class).getZone()).isEqualTo(TOKYO);
            assertThat(c.getBean(WorkingCalendar.class).zone()).isEqualTo(TOKYO);
        });
    }

    @Test
    void anEmptySettingIsTheDefault() {
        context.withPropertyValues("huying.calendar.zone=").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(Clock.class).getZone()).isEqualTo(SHANGHAI);
            assertThat(c.getBean(WorkingCalendar.class).zone()).isEqualTo(SHANGHAI);
        });
    }

    @Test
    void aClockInAnotherZoneThanTheCalendarStopsTheStart() {
        context.withBean(Clock.class, Clock::systemUTC).run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("huying.calendar.zone is Asia/Shanghai")
                    .hasMessageContaining("Clock runs in Z");
        });
    }

    @Test
    void anUnknownZoneStopsTheStartNamingTheSetting() {
        context.withPropertyValues("huying.calendar.zone=Asia/Atlantis").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).hasStackTraceContaining("huying.calendar.zone");
        });
    }
}
