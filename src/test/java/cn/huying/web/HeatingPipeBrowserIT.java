package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seed's heating-pipe story played through the screens in real browsers: 顾梅 reports the leak
 * at building 11 of 凤翔小镇社区 from her phone with a photo and the phone's location; the command
 * centre sees an earlier 12345 call about the same leak beside it and merges that call into her
 * report, registers it and dispatches it to the suggested 物业办; a stale page of the dispatcher is
 * told the case moved on; 物业办 signs for it and answers with a photo; the command centre verifies
 * and closes. The map and the leader's charts show it.
 */
class HeatingPipeBrowserIT extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("MS-\\d{8}-\\d{4}");

    @Test
    void theHeatingPipeStoryThroughTheScreens() throws Exception {
        Path photo = photo();
        clearIntakeQueueOfTheTown();
        String description = "凤翔小镇社区11号楼热力管道漏水，楼道积水，请尽快维修";
        String base = "http://localhost:" + port;
        double[] point = pointIn("凤翔小镇社区第一网格第1单元");
        // a resident called 12345 about the same leak a little earlier
        Http.Response hotline = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "channel", "HOTLINE_12345",
                "description", "11号楼楼道里暖气管道漏水，地上都是水", "lat", point[0] + 0.0001, "lng", point[1],
                "reporterName", "赵丽", "reporterPhone", "13812345678")).bearer(token("dispatcher")).send();
        assertThat(hotline.status()).as(hotline.toString()).isEqualTo(201);
        long hotlineId = hotline.json().path("id").asLong();
        String hotlineCode = hotline.json().path("code").asString();

        String code;
        // 1. 顾梅, on her phone
        try (Browser gumei = Browser.phone(base)) {
            gumei.login("gumei", DEMO_PASSWORD).location(point[0], point[1]);
            assertThat(gumei.page()).contains("您好，顾梅");
            gumei.screenshot("01-grid-worker-home-phone");
            gumei.click("a[href='/m/report']");
            gumei.waitForText("#locate-status", "已获取位置");
            gumei.select("#category", "LIVE_HEATING")
                    .type("#description", description)
                    .type("#address", "凤翔小镇社区11号楼");
            gumei.find("#photos").sendKeys(photo.toAbsolutePath().toString());
            gumei.click("input[name=urgency][value=URGENT]");
            gumei.fullScreenshot("02-grid-worker-report-phone");
            // a double click submits once
            WebElement submit = gumei.find("#submit-report");
            new Actions(gumei.driver()).doubleClick(submit).perform();
            gumei.waitForText(".notice", "已上报");
            Matcher m = CODE.matcher(gumei.text(".notice"));
            assertThat(m.find()).isTrue();
            code = m.group();
            // the hotline's case 11 m away is offered as a possible duplicate, with how many there are
            assertThat(gumei.page()).containsPattern("附近已有 \\d+ 件相似事件");
            gumei.screenshot("03-grid-worker-my-cases-phone");
        }
        long id = jdbc.sql("SELECT id FROM case_file WHERE code = ?").param(code).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(description)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT lat FROM case_file WHERE id = ?").param(id).query(Double.class).single())
                .isCloseTo(point[0], Offset.offset(1e-4));

        try (Browser dispatcher = Browser.office(base); Browser handler = Browser.office(base)) {
            // 2. the command centre: intake queue with duplicate candidates beside each case
            dispatcher.login("dispatcher", DEMO_PASSWORD);
            dispatcher.click("#tile-TO_REGISTER");
            dispatcher.find("#case-" + id);
            dispatcher.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("dups-" + id), hotlineCode));
            dispatcher.screenshot("04-dispatcher-intake-queue");
            // the hotline call is the same matter: it joins 顾梅's report as a duplicate
            dispatcher.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("dups-" + hotlineId), code));
            dispatcher.click("#dups-" + hotlineId + " form button");
            dispatcher.waitForText(".notice", "已合并");
            dispatcher.click("#register-" + id);
            dispatcher.waitForText(".notice", "已立案");

            // 3. dispatch with the category's suggested department
            dispatcher.open("/work/TO_DISPATCH");
            assertThat(dispatcher.selected("#dept-" + id)).contains("木石镇物业办").contains("推荐");
            dispatcher.type("#dispatch-note-" + id, "请物业办当天联系维修");
            dispatcher.screenshot("05-dispatcher-dispatch");
            dispatcher.click("#dispatch-" + id);
            dispatcher.waitForText(".notice", "已派遣");

            // the map of the grids, the case among the open ones
            dispatcher.open("/map");
            dispatcher.waitFor(ExpectedConditions.attributeToBe(By.id("map"), "data-ready", "true"));
            assertThat(dispatcher.driver().findElements(By.cssSelector("#map path.leaflet-interactive")).size())
                    .isGreaterThan(45);
            dispatcher.screenshot("09-dispatcher-grid-map");

            // the dispatcher keeps the case page open while the department signs for it
            dispatcher.open("/cases/" + id);
            assertThat(dispatcher.text("#case-state")).isEqualTo("已派遣");

            // 4. 物业办 signs for it
            handler.login("handler", DEMO_PASSWORD);
            handler.click("#tile-TO_SIGN");
            handler.click("#accept-" + id);
            handler.waitForText(".notice", "已签收");

            // the stale page is told, not overwritten
            dispatcher.type("#note-transfer", "移送测试").type("#receiving-" + id, "滕州市公安局木石派出所");
            dispatcher.click("#act-transfer button[type=submit]");
            dispatcher.waitForText(".error", "已被他人处理");
            assertThat(dispatcher.text(".error")).contains("已签收");
            assertThat(dispatcher.text("#case-state")).isEqualTo("已签收");
            dispatcher.screenshot("06-dispatcher-stale-page-told");

            // 5. the answer, with a photo; the browser will not send it without the answer
            handler.open("/cases/" + id);
            handler.click("#act-resolve button[type=submit]");
            assertThat(handler.driver().findElements(By.cssSelector("#note-resolve:invalid"))).hasSize(1);
            handler.type("#note-resolve", "已联系维修人员，更换阀门，热力管道恢复正常使用");
            handler.find("#files-resolve").sendKeys(photo.toAbsolutePath().toString());
            handler.click("#act-resolve button[type=submit]");
            handler.waitForText(".notice", "已办理");
            handler.fullScreenshot("07-handler-case-answered");

            // 6. verify and close
            dispatcher.open("/work/TO_VERIFY");
            dispatcher.click("#case-" + id + " a.button");
            dispatcher.type("#note-verify", "网格员现场核实已修复");
            dispatcher.click("#act-verify button[type=submit]");
            dispatcher.waitForText(".notice", "已核查");
            dispatcher.click("#act-close button[type=submit]");
            dispatcher.waitForText(".notice", "已结案");
            assertThat(dispatcher.text("#timeline")).contains("上报", "立案受理", "派遣", "签收", "办理答复", "核查", "结案")
                    .contains("顾梅", "张敏", "李强", "木石镇物业办");
            dispatcher.fullScreenshot("08-case-detail-timeline");
            assertThat(jdbc.sql("SELECT state FROM case_file WHERE id = ?").param(hotlineId).query(String.class)
                    .single()).isEqualTo("MERGED");

        }

        // 8. the leader's overview
        try (Browser leader = Browser.office(base)) {
            leader.login("leader", DEMO_PASSWORD).open("/overview");
            leader.waitFor(ExpectedConditions.attributeToBe(By.id("totals"), "data-ready", "true"));
            assertThat(Long.parseLong(leader.text("#total-all"))).isGreaterThanOrEqualTo(1);
            leader.fullScreenshot("10-leader-overview");
        }
    }

    /** A photo of the leak, as a phone would send it (a drawn PNG). */
    private static Path photo() throws IOException {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xD9, 0xE2, 0xEC));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(0x7B, 0x87, 0x94));
        g.fillRect(0, 120, 480, 48);
        g.setColor(new Color(0x1F, 0x6F, 0xD1));
        g.fillOval(200, 160, 120, 140);
        g.dispose();
        Path file = Files.createTempFile("heating-pipe-", ".png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /**
     * Cases other test classes left in 木石镇's 待受理 queue (the context, and its database, are shared)
     * are rejected first, so that the story's cases are on the queue's first page, as in a fresh town.
     */
    private void clearIntakeQueueOfTheTown() {
        for (long left : jdbc.sql("""
                SELECT c.id FROM case_file c JOIN region t ON t.id = c.town_id
                WHERE t.name = '木石镇' AND c.tier = 'TOWN' AND c.state IN ('REPORTED', 'ESCALATED')""")
                .query(Long.class).list()) {
            Http.Response r = tryAct("dispatcher", left, "reject", Map.of("note", "测试前清理受理台"));
            // 404: its region was moved out of the dispatcher's town by another test, so it is not on this queue
            assertThat(r.status()).as(r.toString()).isIn(200, 404);
        }
    }
}
