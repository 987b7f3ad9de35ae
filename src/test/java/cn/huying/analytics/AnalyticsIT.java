package cn.huying.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.analytics.internal.WeeklyReports;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Analytics over real HTTP on a hand-made week (Monday 4 – Sunday 10 June 2029) in 卓庄村, a week no other test or
 * demo case touches: the weekly report opened with POI and checked against the API's numbers, the ledgers re-read
 * from Excel, the hot issues, and the Monday job that writes a town's report once however many nodes run it.
 */
class AnalyticsIT extends IntegrationTest {

    private static final String WEEK = "2029-06-04";
    private static final String WEEK_END = "2029-06-10";

    @Autowired
    WeeklyReports weeklyReports;

    private void at(String isoBeijing) {
        clock.set(OffsetDateTime.parse(isoBeijing + "+08:00").toInstant());
    }

    private long report(String user, String category, String description) {
        double[] p = pointIn("卓庄村第一网格");
        Http.Response r = http.post("/api/cases", Map.of("category", category, "description", description,
                "lat", p[0], "lng", p[1])).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long village() {
        return jdbc.sql("SELECT id FROM region WHERE name = '卓庄村'").query(Long.class).single();
    }

    /** Five cases: three about street lights 路灯 (two closed), a hazard, a dispute settled on the spot. */
    private List<Long> handMadeWeek() {
        List<Long> ids = new ArrayList<>();
        at("2029-06-04T09:00:00");
        long light1 = report("gridworker2", "URBAN_ROAD_TRAVEL", "卓庄村东街路灯不亮，夜间出行不便");
        long light2 = report("gridworker2", "URBAN_ROAD_TRAVEL", "卓庄村小学门口路灯损坏，学生放学天黑");
        long light3 = report("gridworker2", "URBAN_ROAD_TRAVEL", "村西头路灯一直不亮");
        long hazard = report("gridworker2", "SAFETY_FIRE", "楼道内电动车充电，飞线充电有火灾隐患");
        long dispute = report("gridworker2", "DISPUTE_NEIGHBOUR", "两户因排水沟发生邻里纠纷");
        ids.addAll(List.of(light1, light2, light3, hazard, dispute));
        at("2029-06-04T10:00:00");
        for (long id : List.of(light1, light2, light3, hazard)) {
            act("dispatcher", id, "register", Map.of());
        }
        act("gridworker2", dispute, "resolve-on-spot", Map.of("note", "网格员当场调解"));
        act("dispatcher", light1, "dispatch", Map.of("departmentId", departmentId("TZ-JTJ")));
        act("dispatcher", light2, "dispatch", Map.of("departmentId", departmentId("TZ-JTJ")));
        act("handler-tz-jtj", light1, "accept", Map.of());
        act("handler-tz-jtj", light2, "accept", Map.of());
        at("2029-06-05T10:00:00");
        act("handler-tz-jtj", light1, "resolve", Map.of("note", "已更换灯泡"));
        act("handler-tz-jtj", light2, "resolve", Map.of("note", "已修复线路"));
        for (long id : List.of(light1, light2, dispute)) {
            act("dispatcher", id, "verify", Map.of());
            act("dispatcher", id, "close", Map.of());
        }
        at("2029-06-06T10:00:00");
        act("dispatcher", light1, "revisit", Map.of("satisfaction", "SATISFIED"));
        return ids;
    }

    @Test
    void theWeeklyReportTheLedgersAndTheHotIssuesAgreeWithTheApi() throws IOException {
        List<Long> ids = handMadeWeek();
        at("2029-06-12T09:00:00");
        String leader = token("leader");
        long village = village();
        Http.Response generated = http.post("/api/analytics/weekly-reports" + Http.query("weekStart", WEEK,
                "regionId", village), null).bearer(leader).send();
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        long reportId = generated.json().path("id").asLong();
        assertThat(http.post("/api/analytics/weekly-reports?weekStart=2029-06-05", null).bearer(leader).send().status())
                .isEqualTo(400);
        assertThat(http.get("/api/analytics/weekly-reports").bearer(leader).send().json().findValues("id").stream()
                .map(JsonNode::asLong).toList()).contains(reportId);

        Http.Response file = http.get("/api/analytics/weekly-reports/" + reportId + "/file").bearer(leader).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).contains("wordprocessingml");
        byte[] docx = bytes("/api/analytics/weekly-reports/" + reportId + "/file", leader);
        JsonNode stats = http.get("/api/analytics/stats" + Http.query("from", WEEK, "to", WEEK_END, "regionId", village))
                .bearer(leader).send().json();
        assertThat(stats.path("received").asLong()).isEqualTo(5);
        assertThat(stats.path("closed").asLong()).isEqualTo(3);
        assertThat(stats.path("disputesResolved").asLong()).isEqualTo(1);
        Map<String, String> apiRates = new HashMap<>();
        http.get("/api/assessment/rates" + Http.query("from", WEEK, "to", WEEK_END, "regionId", village)).bearer(leader)
                .send().json().forEach(r -> apiRates.put(r.path("label").asString(),
                        r.path("numerator").asLong() + "/" + r.path("denominator").asLong()));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("《卓庄村民生服务工作周报》").contains("2029年6月4日—6月10日")
                    .contains("本周共受理事件 " + stats.path("received").asLong() + " 件")
                    .contains("办结（结案）" + stats.path("closed").asLong() + " 件")
                    .contains("化解矛盾纠纷 " + stats.path("disputesResolved").asLong() + " 件")
                    .contains("案例1");
            // the rates table: each rate's numerator/denominator as the API gives them
            XWPFTable rates = table(doc, "指标");
            Map<String, String> docRates = new HashMap<>();
            for (XWPFTableRow row : rates.getRows().subList(1, rates.getRows().size())) {
                docRates.put(row.getCell(0).getText(), row.getCell(2).getText());
            }
            assertThat(docRates).isEqualTo(apiRates);
            assertThat(docRates.get("结案率")).isEqualTo(apiRates.get("结案率"));
            // by channel: the API's counts; a native chart for each of the two count tables
            XWPFTable channels = table(doc, "按来源");
            assertThat(channels.getRow(1).getCell(0).getText()).isEqualTo("网格员上报");
            assertThat(channels.getRow(1).getCell(1).getText())
                    .isEqualTo(String.valueOf(stats.path("byChannel").path("GRID_REPORT").asLong()));
            assertThat(doc.getCharts()).hasSize(2);
            assertThat(doc.getCharts().get(0).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount())
                    .isEqualTo(stats.path("byChannel").size());
            // the high-frequency issues: 路灯 in three cases, rising from none the week before
            XWPFTable hot = table(doc, "问题");
            assertThat(hot.getRow(1).getCell(0).getText()).isEqualTo("路灯（上升）");
            assertThat(hot.getRow(1).getCell(1).getText()).isEqualTo("3");
            // the overdue list: every case of the village the case API shows open and past due at the week's end —
            // the week's third light (road issues: one working day; never dispatched) and any older case still open
            java.time.Instant weekEnd = OffsetDateTime.parse("2029-06-11T00:00:00+08:00").toInstant();
            java.util.function.Predicate<JsonNode> overdueAtWeekEnd = c -> {
                String due = c.path("timeLimits").path("dueAt").asString(null);
                return due != null && java.time.Instant.parse(due).isBefore(weekEnd) && !List.of("REJECTED", "CLOSED",
                        "REVISITED", "TRANSFERRED", "MERGED", "RESOLVED", "VERIFIED").contains(c.path("state").asString());
            };
            List<String> ofTheWeek = new ArrayList<>();
            for (long id : ids) {
                JsonNode c = http.get("/api/cases/" + id).bearer(leader).send().json();
                if (overdueAtWeekEnd.test(c)) {
                    ofTheWeek.add(c.path("code").asString());
                }
            }
            String light3 = http.get("/api/cases/" + ids.get(2)).bearer(leader).send().json().path("code").asString();
            assertThat(ofTheWeek).containsExactly(light3);
            XWPFTable overdue = table(doc, "编号");
            List<String> listed = new ArrayList<>();
            for (XWPFTableRow row : overdue.getRows().subList(1, overdue.getRows().size())) {
                String code = row.getCell(0).getText();
                listed.add(code);
                JsonNode c = http.get("/api/cases/by-code/" + code).bearer(leader).send().json();
                assertThat(overdueAtWeekEnd.test(c)).as(code).isTrue();
            }
            assertThat(listed).containsAll(ofTheWeek);
            assertThat(overdue.getRow(listed.indexOf(light3) + 1).getCell(5).getText()).isEqualTo("待报阶段性进展");
        }

        // the hot issues over the API: the cases behind 路灯 and where they are
        JsonNode hotIssues = http.get("/api/analytics/hot-issues" + Http.query("from", WEEK, "to", WEEK_END,
                "regionId", village)).bearer(leader).send().json();
        JsonNode light = hotIssues.get(0);
        assertThat(light.path("term").asString()).isEqualTo("路灯");
        assertThat(light.path("rising").asBoolean()).isTrue();
        assertThat(light.findValue("caseIds").valueStream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
        assertThat(light.path("places").get(0).path("name").asString()).isEqualTo("卓庄村");

        // ledgers: the Excel export carries the rows of the JSON ledger under the same filters, and the period sheet
        String filters = Http.query("regionId", village, "from", WEEK, "to", WEEK_END, "channel", "GRID_REPORT");
        List<String> codes = http.get("/api/analytics/ledgers/general" + filters).bearer(leader).send().json()
                .findValues("code").stream().map(JsonNode::asString).toList();
        assertThat(codes).hasSize(5);
        Http.Response xlsx = http.get("/api/analytics/ledgers/general/export" + filters).bearer(leader).send();
        assertThat(xlsx.status()).isEqualTo(200);
        byte[] bytes = bytes("/api/analytics/ledgers/general/export" + filters, leader);
        DataFormatter fmt = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(fmt.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("来源：网格员上报");
            List<String> excelCodes = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() >= 3) {
                    excelCodes.add(fmt.formatCellValue(row.getCell(0)));
                }
            }
            assertThat(excelCodes).isEqualTo(codes);
            Sheet period = wb.getSheet("期间统计");
            assertThat(fmt.formatCellValue(period.getRow(1).getCell(1))).isEqualTo("5");
            assertThat(fmt.formatCellValue(period.getRow(2).getCell(1))).isEqualTo("1");
        }
        byte[] hazards = bytes("/api/analytics/ledgers/hazards/export" + filters, leader);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(hazards))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(fmt.formatCellValue(sheet.getRow(3).getCell(2))).isEqualTo("安全隐患");
        }
        // out of scope: the cadre of 卓庄村 may not read analytics at all; a grid worker neither
        assertThat(http.get("/api/analytics/ledgers/general").bearer(token("gumei")).send().status()).isEqualTo(403);
    }

    @Test
    void theMondayJobWritesATownsWeekOnceHoweverManyNodesRunIt() {
        at("2029-06-18T06:00:00");
        long before = countScheduled();
        CompletableFuture<Void> a = CompletableFuture.runAsync(weeklyReports::weekly);
        CompletableFuture<Void> b = CompletableFuture.runAsync(weeklyReports::weekly);
        CompletableFuture.allOf(a, b).join();
        weeklyReports.weekly();
        // 木石镇 got its one report (other tests may have added towns: each of those got one too)
        assertThat(countScheduled() - before).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT region_id FROM analytics_weekly_report WHERE scheduled = TRUE
                 AND week_start = ? GROUP BY region_id HAVING COUNT(*) > 1) twice""")
                .param(java.time.LocalDate.parse("2029-06-11")).query(Long.class).single()).isZero();
        JsonNode list = http.get("/api/analytics/weekly-reports").bearer(token("leader")).send().json();
        List<String> weeks = new ArrayList<>();
        list.forEach(r -> {
            if (r.path("scheduled").asBoolean()) {
                weeks.add(r.path("weekStart").asString());
            }
        });
        assertThat(weeks).contains("2029-06-11");
    }

    private long countScheduled() {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_weekly_report WHERE scheduled = TRUE AND week_start = ?"
                        + " AND region_id = (SELECT id FROM region WHERE name = '木石镇')")
                .param(java.time.LocalDate.parse("2029-06-11")).query(Long.class).single();
    }

    /** A download's bytes as they came over HTTP (the shared client reads text). */
    private byte[] bytes(String path, String bearer) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(http.base() + path)).header("Authorization", "Bearer " + bearer)
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static XWPFTable table(XWPFDocument doc, String firstHeader) {
        for (XWPFTable t : doc.getTables()) {
            if (t.getRow(0).getCell(0).getText().equals(firstHeader)) {
                return t;
            }
        }
        return null;
    }
}
