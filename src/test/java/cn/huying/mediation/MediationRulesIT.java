package cn.huying.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.mediation.internal.MediationSweep;
import cn.huying.support.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Scope, statistics per level, the ledger in Excel, bad input, the time limit and the confirmation window. */
class MediationRulesIT extends MediationSupport {

    @Autowired
    MediationSweep sweep;

    private List<Map<String, Object>> twoParties(String a, String b) {
        return List.of(party("APPLICANT", a, "370481198001010012", "13905320011"),
                party("RESPONDENT", b, "37048119810202002X", "13905320012"));
    }

    @Test
    void aVillageMediatorSeesOnlyTheirCommitteesDisputesAndPartiesMaskedUnlessTheAuditedFullView() {
        long zz = walkIn("NEIGHBOUR", "卓庄村围墙滴水纠纷", null, regionByName("卓庄村"), committee("卓庄村"),
                List.of(userId("tiaojie-zz")), twoParties("卓一民", "卓二民"));
        long ms = walkIn("NEIGHBOUR", "木石村鸡鸭毁苗纠纷", null, regionByName("木石村"), committee("木石村"),
                List.of(userId("tiaojie-ms")), twoParties("木一民", "木二民"));

        assertThat(http.get("/api/mediation/disputes/" + ms).bearer(token("tiaojie-zz")).send().status()).isEqualTo(404);
        assertThat(http.get("/api/mediation/disputes/" + ms + "/parties").bearer(token("tiaojie-zz")).send().status())
                .isEqualTo(404);
        JsonNode list = http.get("/api/mediation/disputes?size=200").bearer(token("tiaojie-zz")).send().json();
        assertThat(texts(list.path("items"), "id")).contains(Long.toString(zz)).doesNotContain(Long.toString(ms));

        JsonNode mine = dispute("tiaojie-zz", zz);
        JsonNode first = mine.path("parties").get(0);
        assertThat(first.path("idNumber").asString()).isEqualTo("370481********0012");
        assertThat(first.path("name").asString()).isEqualTo("卓**");
        assertThat(mine.toString()).doesNotContain("370481198001010012");
        long audited = count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?", "dispute:" + zz);
        JsonNode full = http.get("/api/mediation/disputes/" + zz + "/parties").bearer(token("tiaojie-zz")).send().json();
        assertThat(full.get(0).path("idNumber").asString()).isEqualTo("370481198001010012");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?", "dispute:" + zz))
                .isEqualTo(audited + 1);
        // the mediator no longer reads the town's cases
        long caseId = mine.path("caseId").asLong();
        assertThat(http.get("/api/cases/" + caseId).bearer(token("tiaojie-zz")).send().status()).isEqualTo(403);
        assertThat(http.get("/api/cases/" + caseId).bearer(token("mediator")).send().status()).isEqualTo(403);
    }

    @Test
    void aParkLabourDisputeAndAVillageDisputeCountUnderTheirLevelsAndTheLedgerExportsWithTheFilters() throws IOException {
        Map<String, JsonNode> before = statsByLevel();
        long park = walkIn("LABOUR", "园区劳资纠纷 " + System.nanoTime(), "24000.50", regionByName("木石工业园区"),
                orgId("TJ-YQ"), List.of(userId("park-mediator")), twoParties("韩工人", "某机械公司"));
        ok(post("park-mediator", "/api/mediation/disputes/" + park + "/outcome",
                succeeded("公司于月底前支付拖欠工资", "24000.50", "2026-12-31")));
        long village = walkIn("FAMILY", "赡养纠纷", null, regionByName("卓庄村"), committee("卓庄村"),
                List.of(userId("tiaojie-zz")), twoParties("卓老汉", "卓大儿"));
        ok(post("tiaojie-zz", "/api/mediation/disputes/" + village + "/outcome",
                succeeded("三个儿子每月各付赡养费", null, null)));

        Map<String, JsonNode> after = statsByLevel();
        assertThat(after.get("PARK").path("received").asLong()).isEqualTo(received(before, "PARK") + 1);
        assertThat(after.get("PARK").path("succeeded").asLong()).isEqualTo(succeededOf(before, "PARK") + 1);
        assertThat(after.get("PARK").path("amountAgreed").decimalValue())
                .isEqualByComparingTo(amountOf(before, "PARK").add(new java.math.BigDecimal("24000.50")));
        assertThat(after.get("VILLAGE").path("received").asLong()).isEqualTo(received(before, "VILLAGE") + 1);
        assertThat(after.get("VILLAGE").path("succeeded").asLong()).isEqualTo(succeededOf(before, "VILLAGE") + 1);
        assertThat(after.get("TOTAL").path("label").asString()).isEqualTo("合计");

        byte[] book = download("centre", "/api/mediation/ledger.xlsx?level=PARK&type=LABOUR");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("纠纷编号");
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                assertThat(r.getCell(3).getStringCellValue()).isEqualTo("园区（企）");
                assertThat(r.getCell(5).getStringCellValue()).isEqualTo("劳资纠纷");
                codes.add(r.getCell(0).getStringCellValue());
                if (r.getCell(0).getStringCellValue().equals(dispute("centre", park).path("summary").path("code").asString())) {
                    assertThat(r.getCell(10).getNumericCellValue()).isEqualTo(24000.50);
                    assertThat(r.getCell(7).getStringCellValue()).isEqualTo("韩**");
                }
            }
            assertThat(codes).contains(dispute("centre", park).path("summary").path("code").asString());
        }
    }

    private Map<String, JsonNode> statsByLevel() {
        JsonNode rows = http.get("/api/mediation/stats?groupBy=level").bearer(token("leader")).send().json().path("rows");
        Map<String, JsonNode> out = new HashMap<>();
        rows.forEach(r -> out.put(r.path("key").asString(), r));
        return out;
    }

    private static long received(Map<String, JsonNode> m, String k) {
        return m.containsKey(k) ? m.get(k).path("received").asLong() : 0;
    }

    private static long succeededOf(Map<String, JsonNode> m, String k) {
        return m.containsKey(k) ? m.get(k).path("succeeded").asLong() : 0;
    }

    private static java.math.BigDecimal amountOf(Map<String, JsonNode> m, String k) {
        return m.containsKey(k) ? m.get(k).path("amountAgreed").decimalValue() : java.math.BigDecimal.ZERO;
    }

    @Test
    void badInputIsRefusedInChineseAndLeavesNothingHalfWritten() {
        long disputes = count("SELECT COUNT(*) FROM dispute");
        long cases = count("SELECT COUNT(*) FROM case_file");
        Map<String, Object> body = new HashMap<>();
        body.put("type", "NEIGHBOUR");
        body.put("facts", "邻里纠纷");
        body.put("amountClaimed", "-100");
        body.put("regionId", regionByName("卓庄村"));
        body.put("orgId", committee("卓庄村"));
        body.put("parties", List.of(party("原告", "甲某", null, null), party("RESPONDENT", "乙某", "123", null)));
        Http.Response bad = post("centre", "/api/mediation/disputes", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(texts(bad.json().path("errors"), "field")).contains("amountClaimed", "parties[0].side",
                "parties[1].idNumber", "parties");
        assertThat(bad.json().path("detail").asString()).contains("负数").contains("申请人");

        body.put("amountClaimed", "100");
        body.put("parties", List.of(party("申请人", "甲某", null, null), party("被申请人", "乙某", null, null)));
        body.put("mediatorIds", List.of(userId("tiaojie-ms")));
        Http.Response outsider = post("centre", "/api/mediation/disputes", body);
        assertThat(outsider.status()).isEqualTo(409);
        assertThat(outsider.json().path("detail").asString()).contains("不属于调解组织");
        assertThat(count("SELECT COUNT(*) FROM dispute")).isEqualTo(disputes);
        assertThat(count("SELECT COUNT(*) FROM case_file")).isEqualTo(cases);
    }

    @Test
    void theThirtyDayLimitWarnsOnceAndJudicialConfirmationAfterThirtyDaysIsRefused() {
        Instant start = OffsetDateTime.parse("2026-05-04T09:00:00+08:00").toInstant();
        clock.set(start);
        long slow = walkIn("PROPERTY", "物业费纠纷", "3600", regionByName("卓庄村"), committee("卓庄村"),
                List.of(userId("tiaojie-zz")), twoParties("业主甲", "物业公司"));
        long agreed = walkIn("CONTRACT", "买卖合同纠纷", "5000", regionByName("卓庄村"), committee("卓庄村"),
                List.of(userId("tiaojie-zz")), twoParties("买方", "卖方"));
        ok(post("tiaojie-zz", "/api/mediation/disputes/" + agreed + "/outcome",
                succeeded("卖方退还货款", "5000", "2026-05-20")));

        clock.set(start.plus(Duration.ofDays(27)));
        sweep.sweep();
        sweep.sweep();
        assertThat(dispute("tiaojie-zz", slow).path("summary").path("warnLevel").asInt()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dispute_log WHERE dispute_id = ? AND action = 'CONFIRM_REMIND'", agreed))
                .isEqualTo(1);
        clock.set(start.plus(Duration.ofDays(32)));
        sweep.sweep();
        sweep.sweep();
        assertThat(dispute("tiaojie-zz", slow).path("summary").path("warnLevel").asInt()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM dispute_log WHERE dispute_id = ? AND action = 'WARN_RED'", slow)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dispute_log WHERE dispute_id = ? AND action = 'WARN_YELLOW'", slow))
                .isEqualTo(1);

        Http.Response late = post("tiaojie-zz", "/api/mediation/disputes/" + agreed + "/confirmation", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("30 日内申请");
        assertThat(dispute("tiaojie-zz", agreed).path("summary").path("confirmState").asString()).isEqualTo("NONE");
    }
}
