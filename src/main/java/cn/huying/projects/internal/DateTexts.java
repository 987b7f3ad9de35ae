package cn.huying.projects.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times as Chinese offices write them,
 * in the given zone (the platform Clock's, see {@link cn.huying.shared.Zones}).
 */
public final class DateTexts {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private DateTexts() {
    }

    public static String dateTime(Instant t, ZoneId zone) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }

    public static String date(Instant t, ZoneId zone) {
        return t == null ? "" : DATE.format(t.atZone(zone));
    }
}
