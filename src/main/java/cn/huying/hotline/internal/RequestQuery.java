package cn.huying.hotline.internal;

import cn.huying.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of Open311 {@code GET requests} after the GeoReport v2 rules:
 * <ul>
 *   <li>{@code service_request_id}, a comma list, overrides every other filter;</li>
 *   <li>{@code start_date}/{@code end_date} select by requested time and may not span more than
 *       90 days; without them the window is the most recent 90 days (with one of them, the 90 days
 *       after the start or before the end);</li>
 *   <li>{@code service_code} and {@code status} ({@code open}, {@code closed}) are comma lists;</li>
 *   <li>at most 1,000 requests are returned; {@code page} (from 1) and {@code page_size} (1 to 1,000,
 *       default 1,000) page through them, the common extension.</li>
 * </ul>
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Instant start, Instant end,
                           Set<String> statuses, int page, int pageSize) {

    public static final Duration MAX_SPAN = Duration.ofDays(90);
    public static final int MAX_RESULTS = 1000;

    public RequestQuery {
        ids = List.copyOf(ids);
        serviceCodes = List.copyOf(serviceCodes);
        statuses = Set.copyOf(statuses);
    }

    public boolean byIds() {
        return !ids.isEmpty();
    }

    int offset() {
        return (page - 1) * pageSize;
    }

    /** Reads the query parameters; every bad one is reported at once (400). */
    public static RequestQuery parse(List<String> ids, List<String> serviceCodes, String startDate, String endDate,
                                     List<String> status, String page, String pageSize, Instant now,
                                     ZoneId zone) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<String> idList = split(ids);
        if (!idList.isEmpty()) {
            if (idList.size() > MAX_RESULTS) {
                errors.add("service_request_id", "open311.ids.too-many", MAX_RESULTS);
            }
            errors.throwIfAny();
            return new RequestQuery(idList, List.of(), null, null, Set.of(), 1, MAX_RESULTS);
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : split(status)) {
            String v = s.toLowerCase(Locale.ROOT);
            if (!v.equals("open") && !v.equals("closed")) {
                errors.add("status", "open311.status.invalid", s);
            }
            statuses.add(v);
        }
        Instant start = date(startDate, "start_date", zone, errors);
        Instant end = date(endDate, "end_date", zone, errors);
        int p = number(page, 1, "page", errors);
        int size = number(pageSize, MAX_RESULTS, "page_size", errors);
        if (p < 1 && !errors.has("page")) {
            errors.add("page", "open311.page.invalid");
        }
        if ((size < 1 || size > MAX_RESULTS) && !errors.has("page_size")) {
            errors.add("page_size", "open311.page-size.invalid", MAX_RESULTS);
        }
        if (!errors.has("start_date") && !errors.has("end_date")) {
            if (start == null && end == null) {
                end = now;
                start = now.minus(MAX_SPAN);
            } else if (start == null) {
                start = end.minus(MAX_SPAN);
            } else if (end == null) {
                end = start.plus(MAX_SPAN);
            } else if (start.isAfter(end)) {
                errors.add("start_date", "open311.date.order");
            } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                errors.add("end_date", "open311.date.span", MAX_SPAN.toDays());
            }
        }
        errors.throwIfAny();
        return new RequestQuery(List.of(), split(serviceCodes), start, end, statuses, p, size);
    }

    private static Instant date(String value, String field, ZoneId zone, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Instant> t = W3cTime.parseW3c(value, zone);
        if (t.isEmpty()) {
            errors.add(field, "open311.date.invalid", value);
            return null;
        }
        return t.get();
    }

    private static int number(String value, int fallback, String field, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "open311.number.invalid", value);
            return fallback;
        }
    }

    /** Comma lists, possibly given several times; blanks dropped, duplicates kept once, order kept. */
    static List<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v == null) {
                    continue;
                }
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
