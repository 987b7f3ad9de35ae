package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The administrator's pages over the existing APIs: regions, departments, users and roles, categories, API keys. */
class AdminPagesBrowserIT extends IntegrationTest {

    @Test
    void theAdministratorManagesTheTreeUsersCategoriesAndKeys() {
        try (Browser admin = Browser.office("http://localhost:" + port)) {
            admin.login("admin", DEMO_PASSWORD);

            admin.open("/admin/regions");
            admin.click("a[href*='parentId']");
            admin.click("a[href*='parentId=" + regionId("370481107") + "']");
            assertThat(admin.page()).contains("基础网格 45", "基础单元网格 132", "专属网格 63");
            admin.screenshot("15-admin-regions");

            admin.open("/admin/departments");
            assertThat(admin.page()).contains("木石镇物业办");

            admin.open("/admin/categories");
            admin.type("#c-code", "LIVE_ELEVATOR").type("#c-name", "电梯故障");
            admin.select("#c-dept", "PROPERTY");
            admin.click("form.card button[type=submit]");
            admin.waitForText(".notice", "已新增分类“电梯故障”");

            admin.open("/admin/users");
            admin.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#u-scope option"), 10));
            admin.type("#u-username", "gridworker-test").type("#u-name", "测试网格员").type("#u-password", "Huying@2026x");
            admin.click("input[name=roles][value=GRID_WORKER]");
            admin.select("#u-scope", String.valueOf(regionId("370481107")));
            admin.click("form.card button[type=submit]");
            admin.waitForText(".notice", "已新增用户 gridworker-test");
            admin.screenshot("16-admin-users");

            admin.open("/admin/api-keys");
            admin.type("#k-name", "12345 热线对接测试");
            admin.click("form.card button[type=submit]");
            assertThat(admin.text("#issued-key")).startsWith("hyk_");
        }
    }
}
