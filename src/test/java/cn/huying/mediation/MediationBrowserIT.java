package cn.huying.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mediation screens in a browser, with screenshots: the judge's disputes, a meeting recorded and the agreement
 * made on the dispute's page, the centre's walk-in intake, the leader's statistics.
 */
class MediationBrowserIT extends MediationSupport {

    private tools.jackson.databind.JsonNode get(String user, long caseId) {
        return http.get("/api/cases/" + caseId).bearer(token(user)).send().json();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theJudgeRecordsAMeetingAndTheAgreementTheCentreTakesAWalkInAndTheLeaderReadsTheStatistics() {
        double[] p = pointIn("卓庄村第一网格第2单元");
        Http.Response reported = http.post("/api/cases", Map.of("category", "DISPUTE_DAMAGE", "description",
                "两户因清理树木打架，一人受伤", "lat", p[0], "lng", p[1], "toTown", true)).bearer(token("gridworker2")).send();
        long caseId = reported.json().path("id").asLong();
        Map<String, Object> open = new HashMap<>();
        open.put("caseId", caseId);
        open.put("type", "DAMAGE");
        open.put("title", "清理树木打架致伤纠纷");
        open.put("orgId", orgId("TJ-ZX"));
        open.put("parties", List.of(party("申请人", "卓明亮", "370481197203150318", "13805320001"),
                party("被申请人", "孙建国", "370481197011200517", "13805320002")));
        long id = ok(post("centre", "/api/mediation/disputes", open)).path("id").asLong();
        ok(post("centre", "/api/mediation/disputes/" + id + "/mediators", Map.of("userId", userId("mediator"))));
        String code = dispute("centre", id).path("summary").path("code").asString();

        try (Browser judge = Browser.office(base())) {
            judge.login("mediator", DEMO_PASSWORD).open("/mediation");
            assertThat(judge.text("h1")).isEqualTo("我的纠纷");
            assertThat(judge.text("#disputes")).contains(code).contains("卓**");
            judge.screenshot("mediation-my-disputes");

            judge.open("/mediation/disputes/" + id);
            assertThat(judge.text("#parties")).contains("370481********0318").doesNotContain("370481197203150318");
            judge.driver().executeScript("document.getElementById('heldAt').value = '2026-04-08T09:30';");
            judge.type("#place", "木石镇综治中心调解室").type("#attendees", "卓明亮、孙建国、刘法官")
                    .type("#minutes", "双方同意孙建国赔偿医药费 8000 元。");
            judge.submit("#meeting-form button[type=submit]");
            assertThat(judge.page()).contains("调解会记录已保存").contains("双方同意孙建国赔偿医药费 8000 元。");
            judge.screenshot("mediation-meeting-record");

            judge.type("#terms", "孙建国向卓明亮赔偿医药费").type("#amount", "8000");
            judge.driver().executeScript("document.getElementById('performanceDue').value = '2026-04-30';");
            judge.submit("#outcome-form button[type=submit]");
            assertThat(judge.text("#dispute-state")).isEqualTo("调解成功");
            assertThat(judge.text("#documents")).contains(code + "-调解协议书.docx");
            judge.click("#show-parties");
            judge.waitForText("#parties-full-slot", "370481197203150318");
            judge.driver().executeScript("document.getElementById('parties').scrollIntoView()");
            judge.screenshot("mediation-agreement");
        }

        try (Browser centre = Browser.office(base())) {
            centre.login("centre", DEMO_PASSWORD).open("/mediation/intake");
            centre.select("#type", "LABOUR").type("#title", "园区电子厂加班费纠纷")
                    .type("#facts", "工人称三个月加班费未发，公司称已折算调休。").type("#amountClaimed", "9600")
                    .select("#regionId", Long.toString(regionByName("木石工业园区")))
                    .select("#orgId", Long.toString(orgId("TJ-YQ")))
                    .type("#applicantName", "赵小工").type("#applicantPhone", "13905329999")
                    .type("#respondentName", "木石某电子厂");
            centre.driver().executeScript("window.scrollTo(0, 0)");
            centre.screenshot("mediation-centre-intake");
            centre.submit("form.card button[type=submit]");
            assertThat(centre.page()).contains("纠纷已受理").contains("园区电子厂加班费纠纷").contains("园区（企）");

            // a village cadre's dispute case handed to the village committee by its code
            double[] q = pointIn("卓庄村第二网格第1单元");
            Http.Response cadreCase = http.post("/api/cases", Map.of("category", "DISPUTE_LAND", "description",
                    "两户因宅基地界址争执，村里请调委会调解", "lat", q[0], "lng", q[1])).bearer(token("cadre")).send();
            assertThat(cadreCase.status()).as(cadreCase.toString()).isEqualTo(201);
            String caseCode = cadreCase.json().path("code").asString();
            centre.open("/mediation/intake").type("#caseCode", caseCode).select("#type", "LAND")
                    .select("#orgId", Long.toString(committee("卓庄村")))
                    .type("#applicantName", "卓东").type("#respondentName", "卓西");
            centre.submit("form.card button[type=submit]");
            assertThat(centre.text("#log")).contains("由事件 " + caseCode + " 移交受理");
            assertThat(centre.page()).contains("两户因宅基地界址争执").contains("卓庄村人民调解委员会");
            assertThat(get("dispatcher", cadreCase.json().path("id").asLong()).path("state").asString())
                    .isEqualTo("ACCEPTED");
        }

        try (Browser leader = Browser.office(base())) {
            leader.login("leader", DEMO_PASSWORD).open("/mediation/stats");
            assertThat(leader.text("#stats")).contains("镇级").contains("村级").contains("园区（企）").contains("合计");
            assertThat(leader.text("#stats tbody tr:first-child")).startsWith("镇级");
            leader.screenshot("mediation-leader-stats");
        }
    }
}
