package cn.huying.shared;

import java.time.ZoneId;

/**
 * The platform's one time zone.
 *
 * <p>Every date the platform counts or shows (a deadline's day, a case code's day, a report's week, a time on a page,
 * in a document or a message, when a scheduled job runs) is taken in the zone of the platform's {@link java.time.Clock},
 * {@code clock.getZone()}, which is the working calendar's zone, the setting {@code huying.calendar.zone}. Code takes the
 * zone from the injected Clock ({@code LocalDate.now(clock)}, {@code instant.atZone(clock.getZone())}), never from a
 * literal; annotations and configuration files, which cannot reach the Clock, use the setting's placeholder
 * ({@link #SETTING}). This class holds the one default; {@code OneZoneTest} keeps the literal out of every other class.
 */
public final class Zones {

    /** The zone when {@code huying.calendar.zone} is not set. */
    public static final String DEFAULT = "Asia/Shanghai";

    /**
     * The setting as a property placeholder, for what cannot reach the Clock: {@code @Scheduled(zone = Zones.SETTING)}
     * runs a cron job in the platform's zone.
     */
    public static final String SETTING = "${huying.calendar.zone:" + DEFAULT + "}";

    private Zones() {
    }

    /**
     * The zone of the setting {@code huying.calendar.zone}; the default for an empty one.
     *
     * @throws java.time.DateTimeException if the setting names no zone
     */
    public static ZoneId of(String setting) {
        return ZoneId.of(setting == null || setting.isBlank() ? DEFAULT : setting.strip());
    }
}
