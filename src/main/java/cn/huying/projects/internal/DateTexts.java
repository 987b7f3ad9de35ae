package cn.huying.projects.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as Chinese offices write them (Asia/Shanghai). */
public final class DateTexts {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private DateTexts() {
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t.atZone(ZONE));
    }

    public static String date(Instant t) {
        return t == null ? "" : DATE.format(t.atZone(ZONE));
    }
}
