package cn.huying.hotline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-16T01:00:00Z");

    private static RequestQuery parse(String ids, String codes, String start, String end, String status, String page,
                                      String size) {
        return RequestQuery.parse(ids == null ? null : List.of(ids), codes == null ? null : List.of(codes), start, end,
                status == null ? null : List.of(status), page, size, NOW,
                ZoneId.of("Asia/Shanghai"));
    }

    private static List<String> badFields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(InvalidInput.FieldError::field).toList();
        }
        throw new AssertionError("no error");
    }

    @Test
    void withoutDatesTheWindowIsTheMostRecentNinetyDays() {
        RequestQuery q = parse(null, null, null, null, null, null, null);
        assertThat(q.end()).isEqualTo(NOW);
        assertThat(q.start()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.pageSize()).isEqualTo(1000);
    }

    @Test
    void withOneDateTheWindowIsTheNinetyDaysOnItsSide() {
        RequestQuery fromStart = parse(null, null, "2026-01-01T00:00:00Z", null, null, null, null);
        assertThat(fromStart.end()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        RequestQuery toEnd = parse(null, null, null, "2026-04-01T00:00:00+08:00", null, null, null);
        assertThat(toEnd.start()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
    }

    @Test
    void aWindowOfMoreThanNinetyDaysOrBackwardsIsRefused() {
        assertThat(parse(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", null, null, null).start()).isNotNull();
        assertThat(badFields(() -> parse(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", null, null, null)))
                .containsExactly("end_date");
        assertThat(badFields(() -> parse(null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null, null)))
                .containsExactly("start_date");
    }

    @Test
    void datesMustBeW3cWithAZoneOrPlainDates() {
        assertThat(parse(null, null, "2026-01-01", "2026-01-02", null, null, null).start())
                .isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(badFields(() -> parse(null, null, "2026-01-01T00:00:00", "tomorrow", null, null, null)))
                .containsExactly("start_date", "end_date");
    }

    @Test
    void idsOverrideEveryOtherFilter() {
        RequestQuery q = parse("MS-1, MS-2,,MS-1", "NOPE", "garbage", "garbage", "pending", "0", "0");
        assertThat(q.ids()).containsExactly("MS-1", "MS-2");
        assertThat(q.byIds()).isTrue();
    }

    @Test
    void statusesAndPagesAreChecked() {
        RequestQuery q = parse(null, "A,B", null, null, "OPEN,closed", "2", "10");
        assertThat(q.serviceCodes()).containsExactly("A", "B");
        assertThat(q.statuses()).containsExactlyInAnyOrder("open", "closed");
        assertThat(q.offset()).isEqualTo(10);
        assertThat(badFields(() -> parse(null, null, null, null, "pending", "0", "1001")))
                .containsExactly("status", "page", "page_size");
        assertThatThrownBy(() -> parse(null, null, null, null, null, "x", null)).isInstanceOf(InvalidInput.class);
    }
}
