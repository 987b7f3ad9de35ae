package cn.huying.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The calendar over HTTP: the public year listing and deadline calculator, and an
 * administrator importing next year's notice. Only the test
 * {@link #anAdministratorImportsThe2027NoticeAndDeadlinesIn2027StopBeingAssumed} changes data
 * (it publishes 2027); the other tests use 2026, which stays as bundled, or 2028, which stays unpublished.
 */
class CalendarApiIT extends IntegrationTest {

    /** A plausible 2027 notice: 元旦 Fri 01-01 to Sun 01-03; 春节 Fri 02-05 to Sat 02-13 with Sun 02-14 worked. */
    static final String NOTICE_2027 = """
            {"year": 2027, "papers": ["https://www.gov.cn/zhengce/zhengceku/202611/content_test.htm"], "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
              {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
              {"name": "春节", "date": "2027-02-05", "isOffDay": true},
              {"name": "春节", "date": "2027-02-06", "isOffDay": true},
              {"name": "春节", "date": "2027-02-07", "isOffDay": true},
              {"name": "春节", "date": "2027-02-08", "isOffDay": true},
              {"name": "春节", "date": "2027-02-09", "isOffDay": true},
              {"name": "春节", "date": "2027-02-10", "isOffDay": true},
              {"name": "春节", "date": "2027-02-11", "isOffDay": true},
              {"name": "春节", "date": "2027-02-12", "isOffDay": true},
              {"name": "春节", "date": "2027-02-13", "isOffDay": true},
              {"name": "春节", "date": "2027-02-14", "isOffDay": false}]}""";

    private Map<String, JsonNode> byDate(JsonNode days) {
        Map<String, JsonNode> map = new HashMap<>();
        days.forEach(d -> map.put(d.path("date").asString(), d));
        return map;
    }

    private Http.Response deadline(String from, Integer workingDays, Integer workingHours) {
        return http.get("/api/calendar/deadline" + Http.query("from", from, "workingDays", workingDays,
                "workingHours", workingHours)).send();
    }

    private Http.Response importFile(String token, String filename, byte[] content) {
        String boundary = "----huying" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/calendar/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anyoneCanReadThe2026CalendarWithItsHolidaysAndMakeUpWorkdays() {
        Http.Response r = http.get("/api/calendar/2026").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Calendar-Assumed")).isEqualTo("false");
        JsonNode days = r.json();
        assertThat(days.size()).isEqualTo(365);
        Map<String, JsonNode> day = byDate(days);
        assertThat(day.get("2026-01-01").path("workday").asBoolean()).isFalse();
        assertThat(day.get("2026-01-01").path("name").asString()).isEqualTo("元旦");
        assertThat(day.get("2026-02-17").path("name").asString()).isEqualTo("春节");
        assertThat(day.get("2026-09-20").path("workday").asBoolean()).as("Sunday, 调休上班").isTrue();
        assertThat(day.get("2026-09-20").path("name").asString()).isEqualTo("国庆节（调休上班）");
        assertThat(day.get("2026-10-07").path("workday").asBoolean()).isFalse();
        assertThat(day.get("2026-10-10").path("workday").asBoolean()).as("Saturday, 调休上班").isTrue();
        assertThat(day.get("2026-03-16").path("workday").asBoolean()).as("an ordinary Monday").isTrue();
        assertThat(day.get("2026-03-16").path("name").isNull()).isTrue();
        assertThat(day.get("2026-03-14").path("workday").asBoolean()).as("an ordinary Saturday").isFalse();
        long workdays = days.valueStream().filter(d -> d.path("workday").asBoolean()).count();
        assertThat(workdays).as("365 − 104 weekend days − 19 weekday holidays + 6 make-up workdays").isEqualTo(248);
    }

    @Test
    void aYearWithoutANoticeIsListedMondayToFridayAndFlaggedAssumed() {
        Http.Response r = http.get("/api/calendar/2028").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Calendar-Assumed")).isEqualTo("true");
        JsonNode days = r.json();
        assertThat(days.size()).as("leap year").isEqualTo(366);
        for (JsonNode d : days) {
            LocalDate date = LocalDate.parse(d.path("date").asString());
            boolean weekday = date.getDayOfWeek().getValue() <= 5;
            assertThat(d.path("workday").asBoolean()).as(date.toString()).isEqualTo(weekday);
            assertThat(d.path("name").isNull()).isTrue();
        }
    }

    @Test
    void aBadYearIsRefusedInChinese() {
        Http.Response r = http.get("/api/calendar/1999").send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asString()).isEqualTo("年份 1999 无效，须在 2000 到 2100 之间");
        Http.Response word = http.get("/api/calendar/明年").send();
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().path("detail").asString()).contains("year").contains("无效");
    }

    @Test
    void a12345TransferReceivedOnFridayIsDueByTheEndOfTheMakeUpSunday() {
        // Fri 2026-09-18 10:00 + 1 working day: Sat off, Sun 2026-09-20 调休上班 is the first working day after it
        Http.Response r = deadline("2026-09-18T10:00:00+08:00", 1, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("deadline").asString()).isEqualTo("2026-09-20T23:59:59+08:00");
        assertThat(answer.path("assumed").asBoolean()).isFalse();
        assertThat(answer.path("workingDays").asInt()).isEqualTo(1);
        assertThat(answer.path("workingHours").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(answer.path("from").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-09-18T10:00:00+08:00"));
        // the same moment given in UTC gives the same deadline
        assertThat(deadline("2026-09-18T02:00:00Z", 1, null).json().path("deadline").asString())
                .isEqualTo("2026-09-20T23:59:59+08:00");
    }

    @Test
    void aDeadlineInWorkingHoursSkipsLunchAndTheNight() {
        // Fri 2026-09-18 16:00 + 4 h: 16:00–17:30 = 1.5 h; Sat off; Sun 09-20 (调休上班) 08:30–11:00 = 2.5 h
        Http.Response r = deadline("2026-09-18T16:00:00+08:00", null, 4);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("deadline").asString()).isEqualTo("2026-09-20T11:00:00+08:00");
        assertThat(r.json().path("workingHours").asInt()).isEqualTo(4);
        assertThat(r.json().path("workingDays").isNull()).isTrue();
    }

    @Test
    void aDeadlineInAYearWithoutANoticeIsFlaggedAssumed() {
        // Fri 2028-06-30 10:00 + 2 working days: Mon 07-03, Tue 07-04, on the assumed Mon–Fri week
        Http.Response r = deadline("2028-06-30T10:00:00+08:00", 2, null);
        assertThat(r.json().path("deadline").asString()).isEqualTo("2028-07-04T23:59:59+08:00");
        assertThat(r.json().path("assumed").asBoolean()).isTrue();
    }

    @Test
    void aDeadlineQuestionMustGiveExactlyOneLimitWithinItsRange() {
        String from = "2026-09-18T10:00:00+08:00";
        Http.Response both = deadline(from, 1, 8);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("detail").asString()).contains("二者须且只能给出一个");
        assertThat(deadline(from, null, null).status()).isEqualTo(400);
        Http.Response days = deadline(from, 366, null);
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.json().path("detail").asString()).isEqualTo("工作日数须在 0 到 365 之间");
        assertThat(deadline(from, -1, null).status()).isEqualTo(400);
        Http.Response hours = deadline(from, null, 2001);
        assertThat(hours.json().path("detail").asString()).isEqualTo("工作小时数须在 0 到 2000 之间");
        Http.Response noZone = deadline("2026-09-18T10:00:00", 1, null);
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.json().path("detail").asString()).contains("须为带时区的 ISO 8601 时间");
        Http.Response missing = http.get("/api/calendar/deadline?workingDays=1").send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("detail").asString()).isEqualTo("缺少参数 from");
    }

    @Test
    void anAdministratorImportsThe2027NoticeAndDeadlinesIn2027StopBeingAssumed() {
        // before: 2027 has no notice; Thu 2026-12-31 10:00 + 1 working day = Fri 2027-01-01, assumed
        assertThat(http.get("/api/calendar/2027").send().header("X-Calendar-Assumed")).isEqualTo("true");
        JsonNode before = deadline("2026-12-31T10:00:00+08:00", 1, null).json();
        assertThat(before.path("deadline").asString()).isEqualTo("2027-01-01T23:59:59+08:00");
        assertThat(before.path("assumed").asBoolean()).isTrue();

        Http.Response imported = http.post("/api/calendar/import", NOTICE_2027).bearer(token("admin")).send();

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("year").asInt()).isEqualTo(2027);
        assertThat(imported.json().path("daysListed").asInt()).isEqualTo(13);
        assertThat(imported.json().path("deadlinesRecomputed").isInt()).isTrue();
        assertThat(imported.json().path("deadlinesRecomputed").asInt()).isGreaterThanOrEqualTo(0);

        // after: 元旦 01-01..03 off, so the first working day after 12-31 is Mon 2027-01-04, and it is certain
        Http.Response year = http.get("/api/calendar/2027").send();
        assertThat(year.header("X-Calendar-Assumed")).isEqualTo("false");
        Map<String, JsonNode> day = byDate(year.json());
        assertThat(day.get("2027-01-01").path("workday").asBoolean()).isFalse();
        assertThat(day.get("2027-01-01").path("name").asString()).isEqualTo("元旦");
        assertThat(day.get("2027-02-14").path("name").asString()).isEqualTo("春节（调休上班）");
        assertThat(day.get("2027-02-14").path("workday").asBoolean()).isTrue();
        JsonNode after = deadline("2026-12-31T10:00:00+08:00", 1, null).json();
        assertThat(after.path("deadline").asString()).isEqualTo("2027-01-04T23:59:59+08:00");
        assertThat(after.path("assumed").asBoolean()).isFalse();

        JsonNode notices = http.get("/api/calendar/notices").send().json();
        JsonNode n2027 = notices.valueStream().filter(n -> n.path("year").asInt() == 2027).findFirst().orElseThrow();
        assertThat(n2027.path("importedBy").asString()).isEqualTo("admin");
        assertThat(n2027.path("papers").get(0).asString()).contains("gov.cn");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'CALENDAR_IMPORTED' AND target = ?")
                .param("calendar:2027").query(Long.class).single()).isGreaterThanOrEqualTo(1);

        // the same notice uploaded as a file (the admin screen's way) is accepted and changes nothing more
        Http.Response uploaded = importFile(token("admin"), "2027.json", NOTICE_2027.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.json().path("daysListed").asInt()).isEqualTo(13);
        assertThat(deadline("2026-12-31T10:00:00+08:00", 1, null).json().path("deadline").asString())
                .isEqualTo("2027-01-04T23:59:59+08:00");
    }

    @Test
    void onlyAnAdministratorMayImportANotice() {
        // a valid notice for a far year, so nothing changes even if a refusal failed
        String notice = "{\"year\": 2099, \"days\": [{\"name\": \"元旦\", \"date\": \"2099-01-01\", \"isOffDay\": true}]}";
        assertThat(http.post("/api/calendar/import", notice).send().status()).isEqualTo(401);
        Http.Response dispatcher = http.post("/api/calendar/import", notice).bearer(token("dispatcher")).send();
        assertThat(dispatcher.status()).isEqualTo(403);
        assertThat(dispatcher.json().path("detail").asString()).isEqualTo("您没有执行此操作的权限");
        assertThat(importFile(token("dispatcher"), "2099.json", notice.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/calendar/2099").send().header("X-Calendar-Assumed")).isEqualTo("true");
    }

    @Test
    void aMalformedNoticeIsRefusedAndLeavesThePublishedCalendarAsItWas() {
        // the first entry would make National Day a working day; the second is not a date: nothing is written
        String broken = """
                {"year": 2026, "papers": [], "days": [
                  {"name": "国庆节", "date": "2026-10-01", "isOffDay": false},
                  {"name": "春节", "date": "2026-02-30", "isOffDay": true}]}""";
        Http.Response r = http.post("/api/calendar/import", broken).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString())
                .isEqualTo("days 第 2 条的日期“2026-02-30”无效，应为 yyyy-MM-dd 格式的真实日期，未导入");

        Http.Response outOfYear = http.post("/api/calendar/import",
                "{\"year\": 2026, \"days\": [{\"name\": \"国庆节\", \"date\": \"2025-10-01\", \"isOffDay\": true}]}")
                .bearer(token("admin")).send();
        assertThat(outOfYear.status()).isEqualTo(400);
        assertThat(outOfYear.json().path("detail").asString()).contains("不属于 2026 年的安排");

        Http.Response noYear = http.post("/api/calendar/import",
                "{\"days\": [{\"name\": \"国庆节\", \"date\": \"2026-10-01\", \"isOffDay\": false}]}")
                .bearer(token("admin")).send();
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.json().path("detail").asString()).isEqualTo("节假日安排缺少年份 year，未导入");

        Http.Response notJson = http.post("/api/calendar/import", "year=2026").bearer(token("admin")).send();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("detail").asString()).startsWith("节假日安排不是有效的 JSON");

        Http.Response noFile = importFile(token("admin"), "empty.json", new byte[0]);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("detail").asString()).contains("请上传节假日安排 JSON 文件");

        Map<String, JsonNode> day = byDate(http.get("/api/calendar/2026").send().json());
        assertThat(day.get("2026-10-01").path("workday").asBoolean()).isFalse();
        assertThat(day.get("2026-10-01").path("name").asString()).isEqualTo("国庆节");
        assertThat(day.get("2026-09-20").path("workday").asBoolean()).isTrue();
        JsonNode notices = http.get("/api/calendar/notices").send().json();
        JsonNode n2026 = notices.valueStream().filter(n -> n.path("year").asInt() == 2026).findFirst().orElseThrow();
        assertThat(n2026.path("daysListed").asInt()).isEqualTo(39);
        assertThat(n2026.path("importedBy").asString()).isEqualTo("holiday-cn");
    }

    @Test
    void theOpenApiDescriptionHasTheCalendar() {
        Http.Response r = http.get("/v3/api-docs").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode paths = r.json().path("paths");
        assertThat(paths.has("/api/calendar/{year}")).as(paths.propertyNames().toString()).isTrue();
        assertThat(paths.has("/api/calendar/deadline")).isTrue();
        assertThat(paths.has("/api/calendar/import")).isTrue();
        assertThat(r.json().path("tags").findValuesAsString("name")).contains("工作日历 Calendar");
    }
}
