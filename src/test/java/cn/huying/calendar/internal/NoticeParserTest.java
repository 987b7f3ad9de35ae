package cn.huying.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the import accepts as a holiday notice, and how it names what it refuses. */
class NoticeParserTest {

    static HolidayNotice parse(String json) {
        return NoticeParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static void refused(String json, String key) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException d = (DomainException) e;
                    assertThat(d.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(d.messageKey()).isEqualTo(key);
                });
    }

    @Test
    void everyBundledNoticeIsAcceptedAsItIs() {
        assertThat(BundledNotices.all()).extracting(HolidayNotice::year)
                .containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        HolidayNotice n2026 = BundledNotices.of(2026);
        assertThat(n2026.days()).hasSize(39);
        assertThat(n2026.days()).contains(new ListedDay(2026, LocalDate.parse("2026-09-20"), false, "国庆节"));
        // the 2023 notice reaches back into December 2022
        assertThat(BundledNotices.of(2023).days()).extracting(ListedDay::date).contains(LocalDate.parse("2022-12-31"));
    }

    @Test
    void aNoticeMayGiveTheYearAsTextAndLeaveOutThePapers() {
        HolidayNotice n = parse("""
                {"year": "2027", "days": [{"name": " 元旦 ", "date": "2027-01-01", "isOffDay": true}]}""");
        assertThat(n.year()).isEqualTo(2027);
        assertThat(n.papers()).isEmpty();
        assertThat(n.days()).containsExactly(new ListedDay(2027, LocalDate.parse("2027-01-01"), true, "元旦"));
    }

    @Test
    void brokenJsonIsRefused() {
        refused("{\"year\": 2027, \"days\": [", "calendar.notice.unreadable");
        refused("", "calendar.notice.not-an-object");
        refused("[1, 2]", "calendar.notice.not-an-object");
    }

    @Test
    void theYearMustBeThereAndPlausible() {
        refused("{\"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}",
                "calendar.notice.year.missing");
        refused("{\"year\": 27, \"days\": []}", "calendar.notice.year.invalid");
        refused("{\"year\": 2227, \"days\": []}", "calendar.notice.year.invalid");
    }

    @Test
    void aNoticeWithoutDaysIsRefused() {
        refused("{\"year\": 2027}", "calendar.notice.days.missing");
        refused("{\"year\": 2027, \"days\": []}", "calendar.notice.days.missing");
    }

    @Test
    void everyDateMustParse() {
        refused("""
                {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                                        {"name": "春节", "date": "2027-02-30", "isOffDay": true}]}""",
                "calendar.notice.day.date.invalid");
        refused("{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"isOffDay\": true}]}",
                "calendar.notice.day.date.missing");
    }

    @Test
    void everyDateMustLieBetweenDecemberBeforeAndJanuaryAfter() {
        String day = "{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"%s\", \"isOffDay\": true}]}";
        assertThat(parse(day.formatted("2026-12-01")).days()).hasSize(1);
        assertThat(parse(day.formatted("2028-01-31")).days()).hasSize(1);
        refused(day.formatted("2026-11-30"), "calendar.notice.day.date.out-of-range");
        refused(day.formatted("2028-02-01"), "calendar.notice.day.date.out-of-range");
    }

    @Test
    void everyDateNeedsANameAndAnOffDayFlag() {
        refused("{\"year\": 2027, \"days\": [{\"name\": \" \", \"date\": \"2027-01-01\", \"isOffDay\": true}]}",
                "calendar.notice.day.name.missing");
        refused("{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\"}]}",
                "calendar.notice.day.off.missing");
        refused("{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": \"yes\"}]}",
                "calendar.notice.day.off.missing");
    }

    @Test
    void aDateListedTwiceIsRefused() {
        refused("""
                {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                                        {"name": "元旦", "date": "2027-01-01", "isOffDay": false}]}""",
                "calendar.notice.day.duplicate");
    }

    @Test
    void papersMustBeAListOfAddresses() {
        refused("{\"year\": 2027, \"papers\": \"https://www.gov.cn/x\", \"days\": "
                + "[{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}", "calendar.notice.papers.invalid");
    }
}
