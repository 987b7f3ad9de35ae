package cn.huying.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's story end to end over HTTP: in 卓庄村 two villagers fight over clearing trees; the grid worker reports
 * straight to the town; the town hands the case to mediation and the court's judge joins; several meetings; the
 * agreement (8,000 yuan of medical costs by a date) as a Word document; the payment followed up; judicial
 * confirmation; the case verified and closed.
 */
class TreeClearingFightIT extends MediationSupport {

    @Test
    void theTreeClearingFightIsMediatedWithTheCourtPaidAndClosed() throws IOException {
        clock.set(OffsetDateTime.parse("2026-04-07T09:00:00+08:00").toInstant());
        // the grid worker cannot settle it and reports to the town platform
        double[] p = pointIn("卓庄村第一网格第1单元");
        Http.Response reported = http.post("/api/cases", Map.of("category", "DISPUTE_DAMAGE", "description",
                "卓庄村两户村民因清理地界树木发生争执，孙某将卓某打伤，网格员劝解无效", "lat", p[0], "lng", p[1],
                "toTown", true)).bearer(token("gridworker2")).send();
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        long caseId = reported.json().path("id").asLong();
        assertThat(reported.json().path("tier").asString()).isEqualTo("TOWN");

        // the town hands it to mediation: the centre takes it in, the court's judge joins (联调)
        Map<String, Object> open = new java.util.HashMap<>();
        open.put("caseId", caseId);
        open.put("type", "DAMAGE");
        open.put("title", "清理树木引发打架致伤纠纷");
        open.put("amountClaimed", "12000");
        open.put("orgId", orgId("TJ-ZX"));
        open.put("mediatorIds", List.of(userId("centre")));
        open.put("parties", List.of(party("申请人", "卓明亮", "370481197203150318", "13805320001"),
                party("被申请人", "孙建国", "370481197011200517", "13805320002")));
        long id = ok(post("centre", "/api/mediation/disputes", open)).path("id").asLong();
        ok(post("centre", "/api/mediation/disputes/" + id + "/mediators", Map.of("userId", userId("mediator"))));

        JsonNode theCase = http.get("/api/cases/" + caseId).bearer(token("dispatcher")).send().json();
        assertThat(theCase.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(theCase.path("timeLimits").path("light").asString()).isEqualTo("STOPPED");
        Http.Response park = tryAct("dispatcher", caseId, "park", Map.of("note", "暂缓"));
        assertThat(park.status()).isEqualTo(409);
        assertThat(park.json().path("detail").asString()).contains("该事件正由调解组织办理");

        // the judge sees it among his disputes and meets the parties several times
        JsonNode mine = http.get("/api/mediation/disputes?size=200").bearer(token("mediator")).send().json();
        assertThat(texts(mine.path("items"), "id")).contains(Long.toString(id));
        ok(post("mediator", "/api/mediation/disputes/" + id + "/meetings", Map.of("heldAt", "2026-04-08T09:30:00+08:00",
                "place", "木石镇综治中心调解室", "attendees", "卓明亮、孙建国、刘法官、周静",
                "minutes", "双方陈述经过，卓某要求赔偿医药费、误工费 12000 元，孙某只愿赔 5000 元。")));
        ok(post("mediator", "/api/mediation/disputes/" + id + "/meetings", Map.of("heldAt", "2026-04-10T15:00:00+08:00",
                "videoLink", "https://meeting.example/ms-0410", "attendees", "卓明亮、孙建国、刘法官",
                "minutes", "视频调解，法官释明法律规定，双方差距缩小。")));
        ok(post("mediator", "/api/mediation/disputes/" + id + "/meetings", Map.of("heldAt", "2026-04-14T09:00:00+08:00",
                "place", "卓庄村村委会", "attendees", "卓明亮、孙建国、刘法官、村调委会主任",
                "minutes", "双方同意孙某赔偿医药费 8000 元，卓某不再追究。")));

        // an agreement without terms, or with an amount that is not a number, is refused and nothing is written
        Http.Response noTerms = post("mediator", "/api/mediation/disputes/" + id + "/outcome",
                succeeded("", "8000", "2026-04-30"));
        assertThat(noTerms.status()).isEqualTo(400);
        assertThat(noTerms.json().path("detail").asString()).contains("协议条款");
        Http.Response notANumber = post("mediator", "/api/mediation/disputes/" + id + "/outcome",
                succeeded("孙建国赔偿医药费", "八千", "2026-04-30"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
        assertThat(count("SELECT COUNT(*) FROM dispute_document WHERE dispute_id = ?", id)).isZero();
        assertThat(dispute("mediator", id).path("summary").path("state").asString()).isEqualTo("MEDIATING");

        // 调解成功: the one who hit pays 8,000 yuan of medical costs by 2026-04-30
        long docId = ok(post("mediator", "/api/mediation/disputes/" + id + "/outcome", succeeded(
                "孙建国向卓明亮赔偿医药费\n卓明亮不再就本次纠纷追究孙建国的其他责任\n双方共同清理地界树木，互不阻挠",
                "8000", "2026-04-30"))).path("documentId").asLong();
        byte[] docx = download("mediator", "/api/mediation/disputes/" + id + "/documents/" + docId);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("人民调解协议书");
            assertThat(text).contains("申请人：卓明亮，身份证号码 370481197203150318")
                    .contains("被申请人：孙建国，身份证号码 370481197011200517")
                    .contains("人民币 8,000.00 元，于 2026年4月30日 前履行完毕")
                    .contains("孙建国向卓明亮赔偿医药费")
                    .contains("申请人（签名）").contains("被申请人（签名）").contains("调解员（签名）")
                    .contains("（调解组织印章）").contains("卓庄村两户村民因清理地界树木发生争执");
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?", "dispute:" + id))
                .isPositive();

        // the case is answered by mediation, with the meetings as its staged progress
        theCase = http.get("/api/cases/" + caseId).bearer(token("dispatcher")).send().json();
        assertThat(theCase.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(theCase.path("reply").asString()).startsWith("调解成功").contains("赔偿医药费");
        assertThat(count("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = 'HANDOFF_PROGRESS'", caseId))
                .isGreaterThanOrEqualTo(3);

        // the payment is followed up, judicial confirmation applied for and granted
        clock.set(OffsetDateTime.parse("2026-04-30T10:00:00+08:00").toInstant());
        ok(post("mediator", "/api/mediation/disputes/" + id + "/performance",
                Map.of("state", "PERFORMED", "note", "孙建国已于4月29日付清医药费 8000 元，卓明亮出具收条")));
        ok(post("mediator", "/api/mediation/disputes/" + id + "/confirmation", Map.of()));
        ok(post("mediator", "/api/mediation/disputes/" + id + "/confirmation/decision",
                Map.of("confirmed", true, "note", "（2026）鲁0481民特12号")));
        JsonNode done = dispute("centre", id);
        assertThat(done.path("summary").path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("summary").path("agreedAmount").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(done.path("summary").path("performanceState").asString()).isEqualTo("PERFORMED");
        assertThat(done.path("summary").path("confirmState").asString()).isEqualTo("CONFIRMED");
        assertThat(done.path("meetings").size()).isEqualTo(3);

        // the command centre verifies and closes the case as usual
        act("dispatcher", caseId, "verify", Map.of("note", "电话核实，医药费已付清"));
        assertThat(act("dispatcher", caseId, "close", Map.of()).path("state").asString()).isEqualTo("CLOSED");
    }
}
