package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Grid work through the screens: 顾梅 on her phone finds the leaking heating pipe at building 11 on patrol and turns
 * the finding into a case in one step; the house page shows the case; she logs a visit to an 独居老人 of her grid;
 * with the network cut she records a patrol that waits on the phone and is sent once the signal returns. The town
 * sees the registry's counts per grid and grid work per grid.
 */
class GridWorkBrowserIT extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("MS-\\d{8}-\\d{4}");

    @Test
    void guMeiPatrolsReportsVisitsAndWorksWithoutSignal() {
        String base = "http://localhost:" + port;
        String finding = "11号楼1单元楼道热力管道漏水，地面积水 " + System.nanoTime();
        try (Browser gumei = Browser.phone(base)) {
            gumei.login("gumei", DEMO_PASSWORD).open("/m/grid");
            gumei.find("#due-visits");
            assertThat(gumei.page()).contains("近期应走访").contains("独居老人");
            gumei.fullScreenshot("gridwork-01-hub-phone");

            // search her houses and people
            gumei.type("#q", "11号楼").submit("#search");
            assertThat(gumei.text("#found")).contains("凤翔小镇社区11号楼1单元101室");
            gumei.type("#q", "王").submit("#search");
            assertThat(gumei.text("#found")).startsWith("查找结果").containsPattern("王\\S+").containsPattern(
                    "\\d{6}\\*{8}[\\dX]{4}");

            // the patrol: finding, house, "turn into a case", category — one step
            gumei.open("/m/patrol");
            gumei.click("#shift-MORNING").type("#finding", finding)
                    .select("#houseId", houseId("凤翔小镇社区11号楼1单元101室"));
            gumei.click("#toCase").select("#category", "LIVE_HEATING");
            gumei.fullScreenshot("gridwork-02-patrol-phone");
            gumei.click("#submit-patrol");
            gumei.waitForText("#offline-status", "已转为事件");
            Matcher m = CODE.matcher(gumei.text("#offline-status"));
            assertThat(m.find()).isTrue();
            String code = m.group();
            assertThat(gumei.text("#todays-patrols")).contains(code);
            gumei.screenshot("gridwork-03-patrol-to-case-phone");

            // the house's page names the case
            gumei.open("/residents/houses/" + houseId("凤翔小镇社区11号楼1单元101室"));
            assertThat(gumei.text("#house-cases")).contains(code);
            gumei.fullScreenshot("gridwork-04-house-phone");

            // a visit to an 独居老人 due a visit
            gumei.open("/m/grid");
            String due = gumei.driver().findElement(By.cssSelector("#due-visits li")).getAttribute("id");
            gumei.click("#" + due + " a.button");
            gumei.type("#note", "身体尚好，叮嘱注意取暖安全");
            gumei.click("#submit-visit");
            gumei.waitForText("#offline-status", "已记录对");
            gumei.screenshot("gridwork-05-visit-logged-phone");

            // no signal: the patrol waits on the phone and goes when the signal returns
            gumei.open("/m/patrol");
            new WebDriverWait(gumei.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                    gumei.driver().executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));
            network(gumei, false);
            String offline = "东门路灯不亮（无信号时记录）" + System.nanoTime();
            gumei.type("#finding", offline).click("#submit-patrol");
            gumei.waitForText("#outbox-count", "1");
            assertThat(gumei.text("#outbox")).contains("记录巡查");
            assertThat(count(offline)).isZero();
            gumei.fullScreenshot("gridwork-06-offline-outbox-phone");
            network(gumei, true);
            gumei.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("outbox")));
            gumei.waitForText("#offline-status", "已补发");
            assertThat(count(offline)).isEqualTo(1);
            gumei.screenshot("gridwork-07-sent-when-back-phone");
        }

        try (Browser town = Browser.office(base)) {
            town.login("dispatcher", DEMO_PASSWORD).open("/residents");
            assertThat(town.text("#grid-counts")).contains("凤翔小镇社区第一网格第1单元").contains("卓庄村");
            town.fullScreenshot("gridwork-08-registry-town");
            town.open("/patrol");
            assertThat(town.text("#tally")).contains("凤翔小镇社区第一网格");
            assertThat(town.text("#party")).contains("凤翔小镇社区第一网格党小组");
            town.fullScreenshot("gridwork-09-grid-work-town");
        }
    }

    private void network(Browser b, boolean online) {
        b.driver().executeCdpCommand("Network.enable", Map.of());
        b.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private long count(String finding) {
        return jdbc.sql("SELECT COUNT(*) FROM patrol WHERE finding = ?").param(finding).query(Long.class).single();
    }

    private String houseId(String address) {
        return String.valueOf(jdbc.sql("SELECT id FROM res_house WHERE address = ?").param(address).query(Long.class)
                .single());
    }
}
