package cn.huying.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/** The notices bundled under {@code src/main/resources/calendar/holiday-cn}, read through the import's own parser. */
final class BundledNotices {

    static final int FIRST = 2020;
    static final int LAST = 2026;

    private BundledNotices() {
    }

    static List<HolidayNotice> all() {
        return IntStream.rangeClosed(FIRST, LAST).mapToObj(BundledNotices::of).toList();
    }

    static HolidayNotice of(int year) {
        return NoticeParser.parse(bytes("/calendar/holiday-cn/" + year + ".json"));
    }

    static byte[] bytes(String resource) {
        try (InputStream in = BundledNotices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar of the bundled notices, as the database holds it after the migrations. */
    static CalendarData calendar() {
        List<HolidayNotice> notices = all();
        return CalendarData.of(notices.stream().map(HolidayNotice::year).toList(),
                notices.stream().flatMap(n -> n.days().stream()).toList());
    }

    /** The working calendar on the bundled data with the given rules. */
    static OfficialCalendar workingCalendar(CalendarRules rules) {
        CalendarData data = calendar();
        return new OfficialCalendar(rules, () -> data);
    }
}
