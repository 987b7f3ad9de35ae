package cn.huying.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import cn.huying.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Assessment over real HTTP on a hand-made March 2029 in 顾梅's grid (凤翔小镇社区第一网格), a month no other test or
 * demo case touches: every rate, the grid worker's score, the village sheet and the 三下降一提升 figure.
 */
class AssessmentIT extends IntegrationTest {

    private static final String UNIT = "凤翔小镇社区第一网格第2单元";

    private long report(String category, String description) {
        double[] p = pointIn(UNIT);
        Http.Response r = http.post("/api/cases", Map.of("category", category, "description", description,
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void at(String isoBeijing) {
        clock.set(OffsetDateTime.parse(isoBeijing + "+08:00").toInstant());
    }

    private long gridId() {
        return jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格'").query(Long.class).single();
    }

    /**
     * The month: six cases reported by 顾梅 in her grid, Monday 5 March 2029 on.
     * <pre>
     * A heating     registered, dispatched at once, accepted, resolved 6 Mar, verified, closed, revisited 满意
     * B heating     registered, dispatched 30 h later (late), returned, dispatched again, accepted, resolved 7 Mar,
     *               reopened (返工), dispatched, accepted, resolved 8 Mar, verified, closed, revisited 基本满意
     * C neighbours  resolved on the spot in the grid, verified, closed, revisited 不满意? no: 满意
     * D fire hazard registered, dispatched, accepted, resolved, verified, closed (proved real)
     * E gas hazard  refused 不予受理 (did not prove real)
     * F heating     registered, parked 挂账 on 6 Mar
     * </pre>
     */
    private Map<String, Long> handMadeMonth() {
        Map<String, Long> ids = new HashMap<>();
        long property = departmentId("MS-WYB");
        at("2029-03-05T09:00:00");
        long a = report("LIVE_HEATING", "三月甲：暖气管道漏水");
        long b = report("LIVE_HEATING", "三月乙：暖气不热");
        long c = report("DISPUTE_NEIGHBOUR", "三月丙：邻里噪音纠纷");
        long d = report("SAFETY_FIRE", "三月丁：楼道电动车充电");
        long e = report("SAFETY_GAS", "三月戊：燃气异味");
        long f = report("LIVE_HEATING", "三月己：供暖管网改造");
        ids.putAll(Map.of("A", a, "B", b, "C", c, "D", d, "E", e, "F", f));
        at("2029-03-05T09:30:00");
        for (long id : List.of(a, b, d, f)) {
            act("dispatcher", id, "register", Map.of());
        }
        act("dispatcher", e, "reject", Map.of("note", "经核实无燃气泄漏"));
        act("gumei", c, "resolve-on-spot", Map.of("note", "当场调解"));
        at("2029-03-05T10:00:00");
        act("dispatcher", a, "dispatch", Map.of("departmentId", property));
        act("dispatcher", d, "dispatch", Map.of("departmentId", departmentId("MS-YJB")));
        act("handler", a, "accept", Map.of());
        act("handler-ms-yjb", d, "accept", Map.of());
        at("2029-03-06T10:00:00");
        act("dispatcher", f, "park", Map.of("note", "需管网改造，挂账"));
        act("handler", a, "resolve", Map.of("note", "已更换管道"));
        act("handler-ms-yjb", d, "resolve", Map.of("note", "已清理"));
        act("dispatcher", c, "verify", Map.of());
        act("dispatcher", c, "close", Map.of());
        for (long id : List.of(a, d)) {
            act("dispatcher", id, "verify", Map.of());
            act("dispatcher", id, "close", Map.of());
        }
        at("2029-03-06T15:30:00");
        act("dispatcher", b, "dispatch", Map.of("departmentId", property));
        act("handler", b, "return", Map.of("note", "应由供热公司处理"));
        act("dispatcher", b, "dispatch", Map.of("departmentId", property));
        act("handler", b, "accept", Map.of());
        at("2029-03-07T10:00:00");
        act("handler", b, "resolve", Map.of("note", "已排气"));
        act("dispatcher", b, "reopen", Map.of("note", "住户反映仍不热"));
        act("dispatcher", b, "dispatch", Map.of("departmentId", property));
        act("handler", b, "accept", Map.of());
        at("2029-03-08T10:00:00");
        act("handler", b, "resolve", Map.of("note", "已更换阀门"));
        act("dispatcher", b, "verify", Map.of());
        act("dispatcher", b, "close", Map.of());
        at("2029-03-09T10:00:00");
        act("dispatcher", a, "revisit", Map.of("satisfaction", "SATISFIED"));
        act("dispatcher", b, "revisit", Map.of("satisfaction", "BASICALLY_SATISFIED"));
        act("dispatcher", c, "revisit", Map.of("satisfaction", "SATISFIED"));
        return ids;
    }

    private Map<String, JsonNode> rates(String query) {
        Http.Response r = http.get("/api/assessment/rates" + query).bearer(token("leader")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.json().forEach(n -> out.put(n.path("rate").asString(), n));
        return out;
    }

    private static String fraction(JsonNode n) {
        return n.path("numerator").asLong() + "/" + n.path("denominator").asLong();
    }

    @Test
    void everyRateOfAHandMadeMonthAndTheGridWorkersScore() {
        Map<String, Long> ids = handMadeMonth();
        clock.reset();
        String march = Http.query("from", "2029-03-01", "to", "2029-03-31", "regionId", gridId());
        Map<String, JsonNode> r = rates(march);
        // 应结案 = A B D F (due in March; C on the spot and E refused have no due date): 结案 A B D → 3/4;
        // 按期: F parked in March leaves the denominator, A B D closed before their due date → 3/3
        assertThat(fraction(r.get("CLOSURE"))).isEqualTo("3/4");
        assertThat(r.get("CLOSURE").path("percent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(fraction(r.get("ON_TIME_CLOSURE"))).isEqualTo("3/3");
        // 应处置 = A B C D F (E refused); resolved A B C D → 4/5
        assertThat(fraction(r.get("DISPOSAL"))).isEqualTo("4/5");
        // 处置 in March = A B C D; B reopened once → 1/4
        assertThat(fraction(r.get("REWORK"))).isEqualTo("1/4");
        // 派遣 (the last dispatch counts) = A D (within 24 h of registration) and B (three days later) → 2/3
        assertThat(fraction(r.get("TIMELY_DISPATCH"))).isEqualTo("2/3");
        assertThat(fraction(r.get("RETURN"))).isEqualTo("1/3");
        assertThat(fraction(r.get("EXTENSION"))).isEqualTo("0/3");
        // 回访 A 满意, B 基本满意, C 满意 → 3/3
        assertThat(fraction(r.get("SATISFACTION"))).isEqualTo("3/3");
        // no hotline case: nobody had to be contacted within a day
        assertThat(fraction(r.get("RESPONSE"))).isEqualTo("0/0");
        assertThat(r.get("RESPONSE").path("percent").isNull()).isTrue();
        // resolved A B D at the town, C in the grid
        assertThat(fraction(r.get("WITHIN_GRID"))).isEqualTo("1/4");
        assertThat(fraction(r.get("WITHIN_VILLAGE"))).isEqualTo("1/4");
        assertThat(fraction(r.get("WITHIN_TOWN"))).isEqualTo("4/4");
        // the same month a year earlier had nothing
        assertThat(r.get("CLOSURE").path("lastYearDenominator").asLong()).isZero();

        // the cases behind a figure, one click away
        JsonNode behind = http.get("/api/assessment/rates/REWORK/cases" + march + "&part=numerator")
                .bearer(token("leader")).send().json();
        assertThat(behind.findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(ids.get("B"));
        JsonNode closure = http.get("/api/assessment/rates/CLOSURE/cases" + march).bearer(token("leader")).send().json();
        assertThat(closure.findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(ids.get("A"), ids.get("B"), ids.get("D"), ids.get("F"));
        // a filter narrows: the hazards only
        assertThat(fraction(rates(march + "&kind=SAFETY_HAZARD").get("DISPOSAL"))).isEqualTo("1/1");

        // scope: the grid worker may not read rates; a region outside the cadre's village is not found
        assertThat(http.get("/api/assessment/rates" + march).bearer(token("gumei")).send().status()).isEqualTo(403);
        assertThat(http.get("/api/assessment/rates" + march).bearer(token("cadre")).send().status()).isEqualTo(404);
        assertThat(http.get("/api/assessment/rates?from=2029-03-31&to=2029-03-01").bearer(token("leader")).send()
                .status()).isEqualTo(400);

        // 顾梅's March: 按期结案 3/3 (30), 满意 3/3 (25), 未返工 3/4 (20), 隐患属实 1/2 (15), 纠纷网格内化解 1/1 (10)
        // = (30 × 1 + 25 × 1 + 20 × 0.75 + 15 × 0.5 + 10 × 1) / 100 × 100 = 87.5 → grade B
        JsonNode mine = http.get("/api/assessment/grid-scores/mine?month=2029-03").bearer(token("gumei")).send().json();
        assertThat(mine.path("score").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(mine.path("grade").asString()).isEqualTo("B");
        assertThat(mine.path("workerName").asString()).isEqualTo("顾梅");
        Map<String, String> basis = new HashMap<>();
        mine.path("indicators").forEach(i -> basis.put(i.path("code").asString(), i.path("basis").asString()));
        assertThat(basis).containsEntry("ON_TIME_CLOSURE", "3 / 3").containsEntry("SATISFACTION", "3 / 3")
                .containsEntry("NO_REWORK", "3 / 4").containsEntry("HAZARD_CONFIRMED", "1 / 2")
                .containsEntry("DISPUTE_IN_GRID", "1 / 1");
        // the town sees every grid, the same figure for hers
        JsonNode all = http.get("/api/assessment/grid-scores?month=2029-03").bearer(token("leader")).send().json();
        assertThat(all.size()).isGreaterThanOrEqualTo(45);
        JsonNode hers = null;
        for (JsonNode g : all) {
            if (g.path("gridId").asLong() == gridId()) {
                hers = g;
            }
        }
        assertThat(hers).isNotNull();
        assertThat(hers.path("score").decimalValue()).isEqualByComparingTo("87.5");

        // confirmed in April, the month is frozen: a late revisit changes nothing any more
        at("2029-04-02T09:00:00");
        assertThat(http.post("/api/assessment/grid-scores/confirm?month=2029-04", Map.of()).bearer(token("leader"))
                .send().status()).isEqualTo(409);
        assertThat(http.post("/api/assessment/grid-scores/confirm?month=2029-03", Map.of()).bearer(token("leader"))
                .send().status()).isEqualTo(200);
        at("2029-03-30T09:00:00");
        act("dispatcher", ids.get("D"), "revisit", Map.of("satisfaction", "UNSATISFIED"));
        clock.reset();
        JsonNode frozen = http.get("/api/assessment/grid-scores/mine?month=2029-03").bearer(token("gumei")).send().json();
        assertThat(frozen.path("confirmed").asBoolean()).isTrue();
        assertThat(frozen.path("score").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(fraction(rates(march).get("SATISFACTION"))).isEqualTo("3/4");
        assertThat(http.post("/api/assessment/grid-scores/confirm?month=2029-03", Map.of()).bearer(token("leader"))
                .send().status()).isEqualTo(409);
        // a new indicator version may not reach back into a confirmed month
        Http.Response back = http.post("/api/assessment/indicator-sets", Map.of("validFrom", "2029-03-01",
                "weights", List.of(Map.of("code", "SATISFACTION", "weight", 100)),
                "grades", List.of(Map.of("grade", "A", "minScore", 0, "payCoefficient", 1)))).bearer(token("leader")).send();
        assertThat(back.status()).as(back.toString()).isEqualTo(409);
        assertThat(back.json().path("detail").asString()).contains("已有确认");
    }

    @Test
    void theVillageSheetAndTheThreeDownFigure() throws IOException {
        long fengxiang = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区'").query(Long.class).single();
        long zhuozhuang = jdbc.sql("SELECT id FROM region WHERE name = '卓庄村'").query(Long.class).single();
        long town = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
        String leader = token("leader");
        // petitions entered for 2027 (6 in Jan–Mar) and 2028 (1): down 83.3%
        for (String[] m : new String[][]{{"2027-01", "3"}, {"2027-02", "2"}, {"2027-03", "1"}, {"2028-02", "1"}}) {
            assertThat(http.put("/api/assessment/three-down/" + fengxiang + "/" + m[0],
                    Map.of("petitions", Integer.parseInt(m[1]), "criminalCases", 1, "lawsuits", 2)).bearer(leader)
                    .send().status()).isEqualTo(200);
        }
        // 卓庄村 from an Excel sheet: 2027 Jan 4 petitions, 2028 Jan 2
        byte[] xlsx = sheet(new Object[][]{{"村居", "月份", "信访", "刑事案件", "诉讼"},
                {"卓庄村", "2027-01", 4, 0, 1}, {"卓庄村", "2028-01", 2, 0, 0}});
        Http.Response imported = upload(xlsx, leader);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("rows").asInt()).isEqualTo(2);
        byte[] bad = sheet(new Object[][]{{"村居", "月份", "信访", "刑事案件", "诉讼"}, {"卓庄村", "2027-05", 1, 0, 0},
                {"无此村", "2027-05", 1, 0, 0}});
        Http.Response refused = upload(bad, leader);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("第 3 行").contains("无此村");

        JsonNode three = http.get("/api/assessment/three-down" + Http.query("from", "2028-01", "to", "2028-03",
                "regionId", town)).bearer(leader).send().json();
        // town: (1 + 2) against (6 + 4) → −70.0%; 凤翔: 1 against 6 → −83.3%; criminal 1 against 3; lawsuits 2 against 7
        assertThat(three.path("total").path("petitions").path("thisPeriod").asLong()).isEqualTo(3);
        assertThat(three.path("total").path("petitions").path("lastYear").asLong()).isEqualTo(10);
        assertThat(three.path("total").path("petitions").path("changePercent").decimalValue()).isEqualByComparingTo("-70.0");
        JsonNode fx = null;
        for (JsonNode v : three.path("villages")) {
            if (v.path("villageId").asLong() == fengxiang) {
                fx = v;
            }
        }
        assertThat(fx.path("petitions").path("changePercent").decimalValue()).isEqualByComparingTo("-83.3");
        assertThat(fx.path("criminalCases").path("changePercent").decimalValue()).isEqualByComparingTo("-66.7");
        assertThat(fx.path("lawsuits").path("changePercent").decimalValue()).isEqualByComparingTo("-66.7");
        assertThat(zhuozhuang).isPositive();

        // 平安村居: 12 of the 15 六好九无 items met, each with its evidence
        List<Map<String, Object>> answers = new ArrayList<>();
        List<String> codes = List.of("G1", "G2", "G3", "G4", "G5", "G6", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");
        for (int i = 0; i < codes.size(); i++) {
            answers.add(Map.of("code", codes.get(i), "met", i < 12, "evidence", "2028年度台账第" + (i + 1) + "项"));
        }
        Http.Response noEvidence = http.put("/api/assessment/checklists/" + fengxiang + "/SAFE_VILLAGE?year=2028",
                List.of(Map.of("code", "G1", "met", true))).bearer(leader).send();
        assertThat(noEvidence.status()).isEqualTo(400);
        JsonNode checklist = http.put("/api/assessment/checklists/" + fengxiang + "/SAFE_VILLAGE?year=2028", answers)
                .bearer(leader).send().json();
        assertThat(checklist.path("met").asInt()).isEqualTo(12);
        assertThat(checklist.path("passed").asBoolean()).isFalse();

        // the year-end sheet of 2028: 信访下降 (6 → 1) = 83.3% against a 10% target → full 20 points;
        // 平安村居 12/15 = 80.0% against 100% → 10 × 0.8 = 8.0 points
        JsonNode sheet = http.get("/api/assessment/villages/" + fengxiang + "/sheet?year=2028").bearer(leader).send().json();
        Map<String, JsonNode> lines = new HashMap<>();
        sheet.path("lines").forEach(l -> lines.put(l.path("item").asString(), l));
        assertThat(lines.get("PETITIONS_DOWN").path("actual").decimalValue()).isEqualByComparingTo("83.3");
        assertThat(lines.get("PETITIONS_DOWN").path("points").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(lines.get("SAFE_VILLAGE").path("actual").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(lines.get("SAFE_VILLAGE").path("points").decimalValue()).isEqualByComparingTo("8.0");
        assertThat(lines).containsKey("SOURCE_GOVERNANCE");
        assertThat(lines.get("SOURCE_GOVERNANCE").path("label").asString()).contains("诉源治理实效");
        // a raised target changes the points: 信访下降 target 100% → 20 × 83.3 / 100 = 16.7
        JsonNode raised = http.put("/api/assessment/villages/" + fengxiang + "/targets?year=2028",
                List.of(Map.of("item", "PETITIONS_DOWN", "target", 100, "weight", 20))).bearer(leader).send().json();
        raised.path("lines").forEach(l -> lines.put(l.path("item").asString(), l));
        assertThat(lines.get("PETITIONS_DOWN").path("points").decimalValue()).isEqualByComparingTo("16.7");
        // a village outside the cadre's scope is not found
        assertThat(http.get("/api/assessment/villages/" + fengxiang + "/sheet?year=2028").bearer(token("cadre")).send()
                .status()).isEqualTo(404);
    }

    private Http.Response upload(byte[] xlsx, String bearer) {
        Multipart form = new Multipart().file("file", "三下降.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        return http.post("/api/assessment/three-down/import", form.body()).contentType(form.contentType())
                .bearer(bearer).send();
    }

    private static byte[] sheet(Object[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("三下降");
            for (int i = 0; i < rows.length; i++) {
                var row = s.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (rows[i][j] instanceof Integer n) {
                        row.createCell(j).setCellValue(n);
                    } else {
                        row.createCell(j).setCellValue(String.valueOf(rows[i][j]));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
