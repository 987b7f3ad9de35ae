package cn.huying.calendar.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** One stretch of office hours 办公时间 on a working day, e.g. 08:30–12:00; start inclusive, end exclusive. */
record OfficeHours(LocalTime start, LocalTime end) {

    OfficeHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office hours must start before they end: " + start + "-" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}, e.g. {@code 08:30-12:00}. */
    static OfficeHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("office hours must look like 08:30-12:00, not '" + text + "'");
        }
        try {
            return new OfficeHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("office hours must look like 08:30-12:00, not '" + text + "'", e);
        }
    }

    Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
