package cn.huying.hotline.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Date-times as the outside systems write them: W3C date-times with a zone offset
 * ({@code 2026-03-15T09:20:00+08:00}, {@code …Z}), and, read leniently from the hotline, a local
 * {@code 2026-03-15 09:20:00} or a date, which are taken in the platform's zone. The zone is the caller's
 * {@code clock.getZone()} (see {@link cn.huying.shared.Zones}): ours are written in it, and times without an offset
 * read in it.
 */
public final class W3cTime {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]");

    private W3cTime() {
    }

    /** {@code 2026-03-15T09:20:00+08:00} in the zone; {@code null} stays {@code null}. */
    public static String format(Instant t, ZoneId zone) {
        return t == null ? null : OUT.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** A W3C date-time with an offset, or a date (its start in the zone). Empty if it is neither. */
    static Optional<Instant> parseW3c(String s, ZoneId zone) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException e) {
            // not a full date-time with an offset
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Also a local date-time without offset ({@code 2026-03-15 09:20:00}), in the zone. */
    static Optional<Instant> parseLenient(String s, ZoneId zone) {
        Optional<Instant> w3c = parseW3c(s, zone);
        if (w3c.isPresent() || s == null || s.isBlank()) {
            return w3c;
        }
        try {
            return Optional.of(LocalDateTime.parse(s.strip(), LOCAL).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
