package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * 顶格推进 through the screens: the leader opens a supervision order from the case page, the property office's
 * handler finds it on the case and in the list of unanswered orders and answers it, and the leader sees the answer.
 */
class SupervisionBrowserIT extends IntegrationTest {

    @Test
    void theLeaderOpensASupervisionOrderOnTheCasePageAndTheHandlerAnswersIt() {
        clock.set(OffsetDateTime.parse("2026-09-21T09:00:00+08:00").toInstant());
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "title", "老旧小区雨污管网堵塞", "description", "雨天污水倒灌进一楼住户，请尽快疏通",
                "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of());
        String base = "http://localhost:" + port;

        try (Browser leader = Browser.office(base); Browser handler = Browser.office(base)) {
            leader.login("leader", DEMO_PASSWORD).open("/cases/" + id);
            // the server names a missing demand in Chinese beside the field
            ((JavascriptExecutor) leader.driver()).executeScript(
                    "document.getElementById('open-supervision').noValidate = true;");
            leader.select("#supervision-level", "TOP");
            answerBy(leader, "2026-09-24");
            leader.submit("#open-supervision-submit");
            assertThat(leader.text("#demand-error")).isEqualTo("请填写督办要求（不超过 1000 字）");
            leader.select("#supervision-level", "TOP").type("#supervision-demand", "请物业办三日内拿出疏通方案并报告进展");
            answerBy(leader, "2026-09-24");
            leader.screenshot("31-leader-opens-supervision");
            leader.submit("#open-supervision-submit");
            assertThat(leader.text(".notice")).contains("顶格推进");
            assertThat(leader.text("#supervision")).contains("顶格推进", "请物业办三日内拿出疏通方案并报告进展",
                    "2026-09-24 前答复", "陈书记");
            assertThat(leader.driver().findElements(By.cssSelector("#supervision textarea[name=answer]")))
                    .as("the leader does not answer their own order").isEmpty();

            handler.login("handler", DEMO_PASSWORD).open("/supervision?open=true");
            assertThat(handler.text("#supervision-table")).contains("顶格推进", "老旧小区雨污管网堵塞", "未答复");
            handler.open("/cases/" + id);
            long order = jdbc.sql("SELECT id FROM supervision_order WHERE case_id = ? AND kind = 'LEADER'").param(id)
                    .query(Long.class).single();
            handler.type("#answer-" + order, "已联系市政疏通队，9月23日完成疏通并回访住户");
            handler.screenshot("32-handler-answers-supervision");
            handler.submit("#answer-submit-" + order);
            assertThat(handler.text(".notice")).contains("已答复");
            assertThat(handler.text("#order-" + order)).contains("已答复", "已联系市政疏通队");

            leader.open("/supervision");
            assertThat(leader.text("#order-" + order)).contains("已联系市政疏通队");
            leader.screenshot("33-leader-sees-answer");
        }
    }

    /** A date input's value as the date picker sets it (typed keys depend on the browser's locale). */
    private static void answerBy(Browser browser, String date) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('supervision-answer-by').value = arguments[0];", date);
    }
}
