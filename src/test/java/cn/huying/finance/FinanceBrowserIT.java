package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.identity.CreditCodes;
import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/**
 * The finance pages in a browser: a visitor sees the logistics zone and registers an SME; the finance office approves
 * it; the SME posts a need; a bank takes it and records the first contact; the office sees the statistics.
 * Screenshots go to docs/screenshots/finance-*.png.
 */
class FinanceBrowserIT extends IntegrationTest {

    private static void keep(Path shot, String name) throws IOException {
        Path docs = Path.of("docs", "screenshots");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anSmeRegistersIsApprovedPostsANeedAndABankTakesIt() throws IOException {
        String code = CreditCodes.unique();
        String username = "sme" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String name = "青岛城阳浏览器测试物流有限公司" + username.substring(3);
        String base = "http://localhost:" + port;

        try (Browser visitor = Browser.office(base)) {
            visitor.open("/public/finance");
            assertThat(visitor.page()).contains("物流金融专区", "政策资讯", "物流e贷");
            keep(visitor.screenshot("finance-zone"), "finance-zone");
            visitor.click("#register-link");
            visitor.type("#r-code", code).type("#r-name", name).type("#r-contact", "吴海燕").type("#r-phone", "13712345678")
                    .type("#r-username", username).type("#r-password", DEMO_PASSWORD);
            visitor.click("#r-consent");
            visitor.submit("#register-submit");
            visitor.waitForText(".notice", "待金融办审核");
        }

        long enterpriseId = jdbc.sql("SELECT id FROM enterprise WHERE credit_code = ?").param(code).query(Long.class).single();
        try (Browser office = Browser.office(base)) {
            office.login("jrb", DEMO_PASSWORD);
            office.open("/finance/office");
            assertThat(office.text("#enterprise-" + enterpriseId)).contains(name, "吴**", "137****5678");
            office.submit("#enterprise-" + enterpriseId + " button.approve");
            office.waitForText(".notice", "已通过");
        }

        try (Browser sme = Browser.office(base)) {
            sme.login(username, DEMO_PASSWORD);
            sme.open("/finance/enterprise");
            sme.type("#n-purpose", "购置 2 辆冷藏车").type("#n-amount", "100").type("#n-term", "12").type("#n-rate", "6");
            sme.submit("#need-submit");
            sme.waitForText(".notice", "已发布");
            assertThat(sme.text("#needs")).contains("购置 2 辆冷藏车", "100", "已发布");
            keep(sme.screenshot("finance-enterprise"), "finance-enterprise");
        }
        long needId = jdbc.sql("SELECT id FROM fin_need WHERE enterprise_id = ?").param(enterpriseId).query(Long.class).single();

        try (Browser bank = Browser.office(base)) {
            bank.login("nsyh", DEMO_PASSWORD);
            bank.open("/finance/bank");
            bank.submit("#need-" + needId + " button.take");
            bank.waitForText(".notice", "已抢单");
            long engagement = jdbc.sql("SELECT id FROM fin_engagement WHERE need_id = ?").param(needId).query(Long.class).single();
            bank.select("#engagement-" + engagement + " select[name=to]", "CONTACTED");
            bank.submit("#engagement-" + engagement + " form.advance button");
            bank.waitForText(".notice", "对接状态已更新");
            assertThat(bank.text("#engagement-" + engagement)).contains("已联系");
            keep(bank.screenshot("finance-bank"), "finance-bank");
            bank.open("/finance/needs/" + needId);
            assertThat(bank.text("#engagements")).contains("已抢单", "已联系");
        }

        try (Browser office = Browser.office(base)) {
            office.login("jrb", DEMO_PASSWORD);
            assertThat(office.text("#finance")).contains("待审核企业", "首次联系超时"); // the home card
            office.open("/finance/office");
            assertThat(office.text("#stats")).contains("青岛农商银行城阳支行");
            assertThat(office.text("#pools")).contains("风险补偿资金池", "担保资金池");
            keep(office.fullScreenshot("finance-office"), "finance-office");
        }
    }
}
