package cn.huying.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In real browsers: the leader's dashboard (rates against last year, the trend, the hot issues and the grids coloured
 * by a rate, over the demo history), and 顾梅's own score on her phone with how it was computed. Screenshots in
 * target/screenshots (copied to docs/screenshots/analytics-*.png).
 */
class AnalyticsBrowserIT extends IntegrationTest {

    @Test
    void theLeadersDashboardAndTheGridWorkersOwnScore() {
        String base = "http://localhost:" + port;
        try (Browser leader = Browser.office(base)) {
            leader.login("leader", DEMO_PASSWORD).open("/analytics");
            assertThat(leader.page()).contains("领导驾驶舱");
            for (String chart : new String[]{"#chart-rates", "#chart-trend", "#chart-hot", "#chart-map"}) {
                leader.waitFor(d -> !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
            }
            // the rising issues line is filled from the same data (a word list or a dash when nothing rose)
            leader.waitFor(d -> !d.findElement(By.id("rising")).getText().isBlank());
            leader.fullScreenshot("analytics-dashboard");
            // the hot issues of the last 30 days, each with the cases behind it one click away
            leader.open("/analytics/hot");
            assertThat(leader.driver().findElements(By.cssSelector("#hot tbody tr"))).isNotEmpty();
            leader.click("#hot tbody tr:first-child td:last-child a");
            leader.waitFor(d -> d.getCurrentUrl().matches(".*/cases/\\d+"));
            // the rates page: a figure's denominator opens the cases behind it
            leader.open("/assessment");
            assertThat(leader.text("#rate-SATISFACTION")).contains("满意率");
            leader.click("#rate-SATISFACTION td:nth-child(4) a");
            leader.waitFor(d -> d.getCurrentUrl().contains("/assessment/rates/SATISFACTION"));
            assertThat(leader.driver().findElements(By.cssSelector("#rate-cases tbody tr"))).isNotEmpty();
        }
        YearMonth last = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        try (Browser gumei = Browser.phone(base)) {
            gumei.login("gumei", DEMO_PASSWORD).open("/m/score?month=" + last);
            assertThat(gumei.text("#my-score")).contains("凤翔小镇社区");
            // the demo history gives her grid a month of outcomes: a score and a grade, not a dash
            assertThat(gumei.text("#score")).matches("\\d+\\.\\d");
            assertThat(gumei.text("#grade")).matches("[ABCD]");
            assertThat(gumei.text("#indicators")).contains("按期结案").contains("群众满意").contains("未返工")
                    .contains("隐患属实").contains("纠纷网格内化解");
            assertThat(gumei.page()).doesNotContain("巡查次数：");
            gumei.fullScreenshot("analytics-my-score-phone");
        }
    }
}
