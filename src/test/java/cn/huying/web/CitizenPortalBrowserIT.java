package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The citizen portal without an account: submit a request, follow it with its code and the last four
 * digits of the phone (a wrong guess is told nothing about the code), and rate the answer. The
 * command centre and 物业办 work the request in between.
 */
class CitizenPortalBrowserIT extends IntegrationTest {

    @Test
    void aCitizenSubmitsFollowsAndRatesWithoutAnAccount() {
        String base = "http://localhost:" + port;
        String code;
        try (Browser citizen = Browser.phone(base)) {
            citizen.open("/portal");
            // the server names every missing field in Chinese beside it
            citizen.click("#portal-submit");
            citizen.waitForText("#reporterPhone-error", "手机号码");
            assertThat(citizen.text("#category-error")).isEqualTo("请选择事件分类");
            assertThat(citizen.text("#description-error")).contains("诉求内容");
            citizen.fullScreenshot("11-portal-validation-phone");

            citizen.select("#p-category", "LIVE_PROPERTY")
                    .type("#p-description", "小区电梯已停运三天，物业一直没有维修，老人上下楼困难")
                    .select("#p-region", String.valueOf(regionIdByName("凤翔小镇社区")))
                    .type("#p-address", "凤翔小镇社区8号楼")
                    .type("#p-name", "钱先生")
                    .type("#p-phone", "13905321234");
            citizen.click("#portal-submit");
            code = citizen.text("#portal-code");
            assertThat(citizen.text("#portal-created")).contains(code);
            assertThat(citizen.text("#portal-state")).isEqualTo("已上报");
            assertThat(citizen.page()).doesNotContain("13905321234").doesNotContain("钱先生");
            citizen.fullScreenshot("12-portal-submitted-phone");
        }

        // the command centre and 物业办 answer it
        long id = jdbc.sql("SELECT id FROM case_file WHERE code = ?").param(code).query(Long.class).single();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of());
        act("handler", id, "resolve", Map.of("note", "已督促物业更换电梯控制板，电梯恢复运行"));
        act("dispatcher", id, "verify", Map.of());
        act("dispatcher", id, "close", Map.of());

        try (Browser citizen = Browser.phone(base)) {
            // a wrong guess says nothing about whether the code exists
            citizen.open("/portal").type("#f-code", code).type("#f-last4", "0000");
            citizen.submit("#follow-submit");
            String wrongDigits = citizen.text(".error");
            citizen.type("#f-code", code.substring(0, code.length() - 4) + "9999").type("#f-last4", "1234");
            citizen.submit("#follow-submit");
            assertThat(citizen.text(".error")).isEqualTo(wrongDigits).contains("不正确");

            citizen.type("#f-code", code).type("#f-last4", "1234");
            citizen.submit("#follow-submit");
            assertThat(citizen.text("#portal-state")).isEqualTo("已结案");
            assertThat(citizen.text("#portal-reply")).contains("电梯恢复运行");
            assertThat(citizen.page()).doesNotContain("李强").doesNotContain("13905321234");
            citizen.fullScreenshot("13-portal-follow-phone");

            citizen.click("#rate-SATISFIED");
            citizen.type("#rate-note", "处理及时");
            citizen.click("#rate-submit");
            citizen.waitForText("#portal-rated", "感谢");
            assertThat(citizen.text("#portal-state")).isEqualTo("已回访");
            assertThat(citizen.driver().findElements(By.id("rate-form"))).isEmpty();
            citizen.fullScreenshot("14-portal-rated-phone");
        }
        assertThat(jdbc.sql("SELECT satisfaction FROM case_file WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("SATISFIED");
    }

    private long regionIdByName(String name) {
        return jdbc.sql("SELECT id FROM region WHERE name = ?").param(name).query(Long.class).single();
    }
}
