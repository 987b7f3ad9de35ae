package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.cases.internal.ServiceLoopSweep;
import cn.huying.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The loop of the time-limited service 件件有回音, over HTTP with the test clock moved: first contact watched and
 * supervised, the revisit queue and the ledger of missed revisits, the promised date of staged progress, the grid's
 * own clock, a leader's supervision order answered by the department, and a transfer that says where the case went.
 */
class ServiceLoopIT extends CaseSupport {

    @Autowired
    ServiceLoopSweep loop;

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** A 12345 transfer (contact within 1 working day, done within 5) registered and dispatched to 物业办. */
    private long hotlineCaseAtPropertyOffice(String text) {
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "HOTLINE_12345",
                "description", text, "lat", p[0], "lng", p[1], "reporterPhone", "13600002222"))
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        return id;
    }

    private JsonNode orders(String user, long id) {
        Http.Response r = http.get("/api/cases/" + id + "/supervision-orders").bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private List<String> inboxTitles(String user) {
        return http.get("/api/inbox").bearer(token(user)).send().json().path("items").findValuesAsString("title");
    }

    @Test
    void aMissedFirstContactIsRemindedThenSupervisedAndAContactInTimeIsNot() {
        clock.set(at("2026-09-21T09:00:00+08:00")); // Monday: contact due by the end of Tuesday 09-22
        long missed = hotlineCaseAtPropertyOffice("楼顶水箱漏水，12345转办 " + System.nanoTime());
        long contacted = hotlineCaseAtPropertyOffice("电梯异响，12345转办 " + System.nanoTime());
        assertThat(http.post("/api/cases/" + contacted + "/first-contact", Map.of("note", "已电话联系"))
                .bearer(token("handler")).send().status()).isEqualTo(200);

        clock.set(at("2026-09-22T08:00:00+08:00"));
        loop.sweep();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inboxTitles("handler")).anyMatch(t -> t.startsWith("请尽快与诉求人首次联系")));
        assertThat(orders("handler", missed)).isEmpty();

        long version = get("dispatcher", missed).path("version").asLong();
        clock.set(at("2026-09-23T08:00:00+08:00"));
        loop.sweep();
        loop.sweep(); // a second pass (or a second node) issues nothing more
        JsonNode orders = orders("leader", missed);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("kind").asString()).isEqualTo("FIRST_CONTACT");
        assertThat(orders.get(0).path("dueAt").asString()).isEqualTo("2026-09-22T15:59:59Z");
        assertThat(orders("leader", contacted)).as("contacted in time").isEmpty();
        assertThat(get("dispatcher", missed).path("version").asLong()).as("no colleague's step").isEqualTo(version);
        assertThat(http.get("/api/cases/" + missed + "/history").bearer(token("dispatcher")).send().json()
                .findValuesAsString("action")).contains("SUPERVISION_FIRST_CONTACT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inboxTitles("leader")).contains("督办单：首次联系超时"));
    }

    @Test
    void aRevisitIsQueuedWithItsLightAndAMissedOneGoesToTheLedger() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = hotlineCaseAtPropertyOffice("小区路灯不亮 " + System.nanoTime());
        act("handler", id, "accept", Map.of());
        act("handler", id, "resolve", Map.of("note", "已更换灯泡"));
        act("dispatcher", id, "verify", Map.of());
        act("dispatcher", id, "close", Map.of()); // Monday: revisit due by the end of Tuesday
        assertThat(revisit("due", id).path("light").asString()).isEqualTo("GREEN");

        clock.set(at("2026-09-22T08:00:00+08:00"));
        loop.sweep();
        assertThat(revisit("due", id).path("light").asString()).isEqualTo("YELLOW");

        clock.set(at("2026-09-23T08:00:00+08:00"));
        loop.sweep();
        assertThat(revisit("due", id)).as("no longer waiting").isNull();
        JsonNode late = revisit("missed", id);
        assertThat(late.path("light").asString()).isEqualTo("RED");
        assertThat(late.path("dueAt").asString()).isEqualTo("2026-09-22T15:59:59Z");
        assertThat(http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json()
                .findValuesAsString("action")).contains("REVISIT_MISSED");
        // the revisit is still taken, late
        act("dispatcher", id, "revisit", Map.of("satisfaction", "SATISFIED"));
        assertThat(revisit("missed", id).path("revisitedAt").isNull()).isFalse();
    }

    private JsonNode revisit(String status, long id) {
        Http.Response r = http.get("/api/revisits?status=" + status + "&size=200").bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode n : r.json().path("items")) {
            if (n.path("caseId").asLong() == id) {
                return n;
            }
        }
        return null;
    }

    @Test
    void aCaseLeftAtTheGridPastItsTimeGoesUpToTheVillage() {
        clock.set(at("2026-09-21T10:00:00+08:00")); // Monday; the grid has 2 working days: up after Wednesday 09-23
        long id = report("gridworker2", "DISPUTE_NEIGHBOUR", "卓庄村第一网格第1单元", "邻居堆放杂物堵路 " + System.nanoTime());
        assertThat(get("dispatcher", id).path("tier").asString()).isEqualTo("GRID");

        clock.set(at("2026-09-23T12:00:00+08:00"));
        loop.sweep();
        assertThat(get("dispatcher", id).path("state").asString()).isEqualTo("REPORTED");

        clock.set(at("2026-09-24T08:00:00+08:00"));
        loop.sweep();
        JsonNode c = get("dispatcher", id);
        assertThat(c.path("state").asString()).isEqualTo("ESCALATED");
        assertThat(c.path("tier").asString()).isEqualTo("VILLAGE");
        JsonNode history = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(history.findValuesAsString("note")).anyMatch(n -> n.contains("网格办理时限已到"));
    }

    @Test
    void aLeaderOpensASupervisionOrderAndTheDepartmentAnswersItOnce() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = hotlineCaseAtPropertyOffice("老旧小区雨污管网堵塞 " + System.nanoTime());
        act("handler", id, "accept", Map.of());
        long version = get("handler", id).path("version").asLong();

        Http.Response opened = http.post("/api/cases/" + id + "/supervision-orders", Map.of("level", "TOP",
                "demand", "请物业办三日内拿出疏通方案", "answerBy", "2026-09-24")).bearer(token("leader")).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long order = opened.json().path("id").asLong();
        assertThat(opened.json().path("kind").asString()).isEqualTo("LEADER");
        assertThat(opened.json().path("level").asString()).isEqualTo("TOP");
        assertThat(opened.json().path("answerDueAt").asString()).isEqualTo("2026-09-24T15:59:59Z");
        assertThat(http.post("/api/cases/" + id + "/supervision-orders", Map.of("level", "TOP", "demand", "x",
                "answerBy", "2026-09-24")).bearer(token("handler")).send().status()).as("a handler cannot").isEqualTo(403);
        assertThat(http.post("/api/cases/" + id + "/supervision-orders", Map.of("level", "LOUD", "demand", "",
                "answerBy", "2026-09-01")).bearer(token("leader")).send().json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("level");

        JsonNode open = http.get("/api/supervision-orders?open=true&size=200").bearer(token("handler")).send().json();
        assertThat(open.path("items").findValues("id").stream().map(JsonNode::asLong)).contains(order);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inboxTitles("handler")).anyMatch(t -> t.startsWith("督办单（顶格推进）")));

        Http.Response answered = http.post("/api/supervision-orders/" + order + "/answer",
                Map.of("answer", "已联系市政疏通，周三完成")).bearer(token("handler")).send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("answeredByName").asString()).isNotBlank();
        assertThat(http.post("/api/supervision-orders/" + order + "/answer", Map.of("answer", "再答一次"))
                .bearer(token("handler")).send().status()).isEqualTo(409);
        assertThat(http.get("/api/supervision-orders?open=true&size=200").bearer(token("handler")).send().json()
                .path("items").findValues("id").stream().map(JsonNode::asLong)).doesNotContain(order);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inboxTitles("leader")).anyMatch(t -> t.startsWith("督办单已答复")));
        // neither step is a colleague's action on the case: the handler's next step goes through with its version
        assertThat(get("handler", id).path("version").asLong()).isEqualTo(version);
        act("handler", id, "resolve", Map.of("note", "管网已疏通", "version", version));
    }

    @Test
    void aDepartmentTransfersASuspectedOffenceNamingWhereItWentAndTheCitizenIsTold() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = hotlineCaseAtPropertyOffice("有人冒充物业收取费用 " + System.nanoTime());
        act("handler", id, "accept", Map.of());
        Http.Response noBody = tryAct("handler", id, "transfer", Map.of("note", "涉嫌诈骗"));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().path("errors").findValuesAsString("field")).contains("receivingBody");
        act("handler", id, "transfer", Map.of("note", "涉嫌诈骗", "receivingBody", "滕州市公安局木石派出所"));
        JsonNode c = get("dispatcher", id);
        assertThat(c.path("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(c.path("reply").asString()).isEqualTo("已移送至滕州市公安局木石派出所：涉嫌诈骗");
        // another department's handler may not transfer a case that is not theirs
        long other = hotlineCaseAtPropertyOffice("物业费纠纷 " + System.nanoTime());
        assertThat(tryAct("handler-ms-pcs", other, "transfer", Map.of("note", "x", "receivingBody", "派出所")).status())
                .isIn(403, 404);
    }

    @Test
    void stagedProgressShowsInTheExportedLedgerAndItsPromisedDateIsWatched() throws Exception {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "description", "单元门禁损坏 " + System.nanoTime(), "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of()); // due Thursday 09-24

        clock.set(at("2026-09-28T09:00:00+08:00"));
        assertThat(http.post("/api/cases/" + id + "/progress", Map.of("reason", "门禁主板停产需订货",
                "nextSteps", "已向厂家订购，到货即更换", "promisedDate", "2026-09-30")).bearer(token("handler")).send()
                .status()).isEqualTo(200);
        String code = get("dispatcher", id).path("code").asString();
        var xlsx = cn.huying.support.Pages.signIn(http.base(), "dispatcher", DEMO_PASSWORD)
                .bytes("/ledgers/overdue/export?q=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            var header = sheet.getRow(3);
            java.util.Map<String, Integer> col = new java.util.HashMap<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                col.put(header.getCell(c).getStringCellValue(), c);
            }
            var row = java.util.stream.IntStream.rangeClosed(4, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(x -> x.getCell(0).getStringCellValue().equals(code)).findFirst().orElseThrow();
            assertThat(row.getCell(col.get("延期原因（阶段性进展）")).getStringCellValue()).isEqualTo("门禁主板停产需订货");
            assertThat(row.getCell(col.get("下一步措施")).getStringCellValue()).isEqualTo("已向厂家订购，到货即更换");
            assertThat(row.getCell(col.get("承诺办结日期")).getStringCellValue()).isEqualTo("2026-09-30");
        }

        // the promised date passes with the case still open: the department is supervised on it
        clock.set(at("2026-10-01T09:00:00+08:00"));
        loop.sweep();
        JsonNode orders = orders("leader", id);
        assertThat(orders.findValuesAsString("kind")).contains("PROGRESS");
    }

    @Test
    void aCaseKeepsTheCategoryVersionItWasReportedUnderWhenTheCategoryIsEdited() {
        String code = "LIVE_TEST_" + (System.nanoTime() % 1_000_000_000L);
        long parent = jdbc.sql("SELECT id FROM case_category WHERE code = 'LIVELIHOOD'").query(Long.class).single();
        Http.Response created = http.post("/api/categories", Map.of("code", code, "name", "楼道堆物", "kind", "LIVELIHOOD",
                "parentId", parent, "defaultTier", "TOWN", "timeLimitKey", "GENERAL")).bearer(token("admin")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long category = created.json().path("id").asLong();
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        long before = report("dispatcher", code, "凤翔小镇社区第一网格第2单元", "三楼楼道堆满杂物 " + System.nanoTime());

        clock.set(Instant.now().plusSeconds(5)); // the edit comes after the first report
        Http.Response edited = http.patch("/api/categories/" + category, Map.of("name", "楼道堆物占道"))
                .bearer(token("admin")).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);
        clock.set(Instant.now().plusSeconds(10));
        long after = report("dispatcher", code, "凤翔小镇社区第一网格第2单元", "五楼楼道堆放电动车 " + System.nanoTime());

        assertThat(get("dispatcher", before).path("categoryName").asString()).isEqualTo("楼道堆物");
        assertThat(get("dispatcher", after).path("categoryName").asString()).isEqualTo("楼道堆物占道");
        JsonNode versions = http.get("/api/categories/" + category + "/versions").bearer(token("dispatcher")).send().json();
        assertThat(versions.findValues("version").stream().map(JsonNode::asInt)).containsExactly(2, 1);
        assertThat(versions.get(1).path("category").path("name").asString()).isEqualTo("楼道堆物");
    }
}
