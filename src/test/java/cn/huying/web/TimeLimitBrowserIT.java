package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.internal.DeadlineSweep;
import cn.huying.support.Browser;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time limits 限时办结 through the screens, on the test's clock: a department asks for an extension
 * and the command centre approves it on the approvals page; an overdue case on the overdue ledger,
 * its staged progress, its Excel export opened with POI, the supervision orders and the grid
 * worker's phone list with the light; the administrator imports next year's holiday notice and
 * sees the time-limit rules refuse a version without a default rule.
 */
class TimeLimitBrowserIT extends IntegrationTest {

    @Autowired
    DeadlineSweep sweep;

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A public-telephone request (3 working days) from the dispatcher, registered and dispatched to 物业办. */
    private long publicPhoneCaseDispatched(String title) {
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "title", title, "description", title + "，请尽快处理", "lat", p[0], "lng", p[1],
                "reporterPhone", "13600002222")).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        return id;
    }

    private String code(long id) {
        return jdbc.sql("SELECT code FROM case_file WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aHandlerAsksForAnExtensionAndTheDispatcherApprovesItOnTheApprovalsPage() {
        clock.set(at("2026-09-21T09:00:00+08:00")); // Mon; 3 working days: due end of Thu 09-24
        long id = publicPhoneCaseDispatched("楼道声控灯损坏");
        String code = code(id);
        clock.set(at("2026-09-23T15:00:00+08:00")); // Wed, before the deadline

        try (Browser handler = Browser.office(base()); Browser dispatcher = Browser.office(base())) {
            handler.login("handler", DEMO_PASSWORD).open("/cases/" + id);
            assertThat(handler.text("#tl-extension")).contains("2026-09-24 23:59").contains("最多 10 个工作日");
            assertThat(handler.driver().findElements(By.id("tl-progress"))).as("not overdue: no progress form").isEmpty();

            // the server checks too, and names each field in Chinese beside it
            ((JavascriptExecutor) handler.driver()).executeScript(
                    "document.getElementById('tl-extension').noValidate = true;");
            handler.type("#tl-ext-days", "15");
            handler.submit("#tl-extension button[type=submit]");
            assertThat(handler.text("#workingDays-error")).isEqualTo("延期天数须在 1 到 10 个工作日之间");
            assertThat(handler.text("#reason-error")).isEqualTo("请填写延期理由");
            assertThat(handler.find("#tl-ext-days").getAttribute("value")).isEqualTo("15");
            handler.screenshot("21-handler-extension-refused-fields");

            handler.type("#tl-ext-days", "3").type("#tl-ext-reason", "需等待更换的配件到货");
            handler.submit("#tl-extension button[type=submit]");
            assertThat(handler.text(".notice")).contains("已提交事件 " + code + " 的延期申请（3 个工作日）");
            assertThat(handler.text("#extensions")).contains("待审批", "3 个工作日", "需等待更换的配件到货", "李强");
            assertThat(handler.driver().findElements(By.id("tl-extension"))).as("one request at a time").isEmpty();
            long extension = jdbc.sql("SELECT id FROM case_extension WHERE case_id = ?").param(id).query(Long.class).single();

            // the command centre: the home page's count leads to the approvals page
            dispatcher.login("dispatcher", DEMO_PASSWORD);
            assertThat(Long.parseLong(dispatcher.text("#tile-APPROVALS .count"))).isGreaterThanOrEqualTo(1);
            dispatcher.submit("#tile-APPROVALS");
            assertThat(dispatcher.driver().getCurrentUrl()).endsWith("/approvals");
            assertThat(dispatcher.text("#approval-" + extension)).contains(code, "木石镇物业办", "李强", "需等待更换的配件到货",
                    "2026-09-24 23:59");
            // 3 working days after Thu 09-24: Fri 09-25 is 中秋节, so Mon 09-28, Tue 09-29, Wed 09-30
            assertThat(dispatcher.text("#due-if-approved-" + extension)).isEqualTo("2026-09-30 23:59");
            // a refusal needs a reason
            ((JavascriptExecutor) dispatcher.driver()).executeScript(
                    "document.getElementById('refuse-note-" + extension + "').removeAttribute('required');");
            dispatcher.submit("#refuse-" + extension);
            assertThat(dispatcher.text("#approval-" + extension + " .field-error")).isEqualTo("请填写不同意的理由（将告知承办部门）");
            dispatcher.type("#approve-note-" + extension, "同意，请抓紧联系厂家");
            dispatcher.screenshot("22-dispatcher-approvals");
            dispatcher.submit("#approve-" + extension);
            assertThat(dispatcher.text(".notice")).isEqualTo("已批准事件 " + code + " 延期 3 个工作日，新的办结期限：2026-09-30 23:59");
            assertThat(dispatcher.driver().findElements(By.id("approval-" + extension))).isEmpty();

            // the case page: the new deadline and the history
            handler.open("/cases/" + id);
            assertThat(handler.page()).contains("2026-09-30 23:59");
            assertThat(handler.text("#extension-" + extension)).contains("已批准", "2026-09-24 23:59", "2026-09-30 23:59",
                    "张敏", "同意，请抓紧联系厂家");
            assertThat(handler.text("#timeline")).contains("批准延期 3 个工作日，新的办结时限：2026年9月30日");
            assertThat(handler.text("#case-light")).isEqualTo("正常");
            handler.fullScreenshot("23-handler-case-extended");

            // signed for, so the department's sign-for queue is as other tests expect it
            handler.open("/work/TO_SIGN");
            handler.submit("#accept-" + id);
        }
    }

    @Test
    void anOverdueCaseIsOnTheOverdueLedgerItsExportHoldsEveryMatchingRowAndTheGridWorkerSeesRed() throws Exception {
        String tag = "井盖松动" + UUID.randomUUID().toString().substring(0, 6);
        clock.set(at("2026-09-21T09:00:00+08:00"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) { // more than one screen page (20)
            long id = publicPhoneCaseDispatched(tag + " 第" + (i + 1) + "处");
            act("handler", id, "accept", Map.of());
            ids.add(id);
        }
        long first = ids.get(0);
        String firstCode = code(first);
        clock.set(at("2026-09-28T09:00:00+08:00")); // Mon: past the deadline (Thu 09-24), red since today
        sweep.sweep();

        try (Browser dispatcher = Browser.office(base()); Browser handler = Browser.office(base())) {
            dispatcher.login("dispatcher", DEMO_PASSWORD).open("/ledgers/overdue");
            dispatcher.type("#f-q", tag).select("#f-department", String.valueOf(departmentId("MS-WYB")));
            dispatcher.submit("form.filters button[type=submit]");
            assertThat(dispatcher.driver().getCurrentUrl()).contains("q=").contains("departmentId=");
            assertThat(dispatcher.text(".pager")).contains("共 21 条");
            assertThat(dispatcher.driver().findElements(By.cssSelector("#ledger-table tbody tr"))).hasSize(20);
            assertThat(dispatcher.text("#ledger-" + first)).contains(firstCode, "木石镇物业办", "2026-09-24 23:59",
                    "2026-09-30 23:59", "未反馈");
            assertThat(dispatcher.text("#ledger-tab-red")).contains("21");
            dispatcher.screenshot("24-dispatcher-overdue-ledger");

            // the department gives staged progress on the case page
            handler.login("handler", DEMO_PASSWORD).open("/cases/" + first);
            assertThat(handler.driver().findElements(By.id("tl-extension"))).as("past the deadline: no extension").isEmpty();
            handler.type("#tl-prog-reason", "井盖需整体更换，配件缺货")
                    .type("#tl-prog-next", "已向厂家订货，到货当天施工");
            ((JavascriptExecutor) handler.driver()).executeScript(
                    "document.getElementById('tl-prog-date').value = '2026-09-30';");
            handler.submit("#tl-progress button[type=submit]");
            assertThat(handler.text(".notice")).contains("已记录事件 " + firstCode + " 的阶段性进展，预计 2026-09-30 办结");
            assertThat(handler.text("#timeline")).contains("原因：井盖需整体更换，配件缺货");

            dispatcher.driver().navigate().refresh();
            assertThat(dispatcher.text("#ledger-" + first)).contains("2026-09-28 09:00").doesNotContain("未反馈");

            // the Excel export: the same filters, all 21 rows, read with the browser's session
            String href = dispatcher.find("#ledger-export").getAttribute("href");
            assertThat(href).contains("/ledgers/overdue/export").contains("q=").contains("departmentId=");
            String session = dispatcher.driver().manage().getCookieNamed("SESSION").getValue();
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment").contains("filename*=UTF-8''")
                    .contains(java.net.URLEncoder.encode("超期台账", StandardCharsets.UTF_8).replace("+", "%20"));
            Path saved = Files.createDirectories(Browser.SCREENSHOTS).resolve("25-overdue-ledger.xlsx");
            Files.write(saved, download.body());
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("超期台账");
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("承办部门：木石镇物业办")
                        .contains("编号或标题：" + tag).contains("2026-09-28 09:00");
                Row header = sheet.getRow(3);
                List<String> headers = new ArrayList<>();
                header.forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).startsWith("编号", "标题", "分类", "所在网格", "承办部门", "状态", "起算时间", "办结期限", "时限状态")
                        .contains("进展反馈期限", "最近一次进展");
                List<String> codes = new ArrayList<>();
                Row firstRow = null;
                for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    codes.add(row.getCell(0).getStringCellValue());
                    if (firstCode.equals(row.getCell(0).getStringCellValue())) {
                        firstRow = row;
                    }
                }
                assertThat(codes).hasSize(21).contains(firstCode)
                        .containsExactlyInAnyOrderElementsOf(ids.stream().map(this::code).toList());
                assertThat(firstRow).isNotNull();
                Cell due = firstRow.getCell(headers.indexOf("办结期限"));
                assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
                // Asia/Shanghai wall time, as the screen shows it
                assertThat(due.getLocalDateTimeCellValue()).isEqualTo("2026-09-24T23:59:59");
                assertThat(firstRow.getCell(headers.indexOf("时限状态")).getStringCellValue()).isEqualTo("红灯：已超期");
                assertThat(firstRow.getCell(headers.indexOf("最近一次进展")).getLocalDateTimeCellValue())
                        .isEqualTo("2026-09-28T09:00");
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'LEDGER_EXPORTED'")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(1);

            // the red light issued a supervision order for each
            dispatcher.open("/supervision");
            assertThat(dispatcher.text("#supervision-table")).contains("木石镇物业办", "2026-09-24 23:59");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_order WHERE case_id = ?").param(first)
                    .query(Long.class).single()).isEqualTo(1);
            dispatcher.screenshot("26-dispatcher-supervision-orders");
        }
    }

    @Test
    void theGridWorkersPhoneListShowsEachCasesDeadlineLight() {
        // after every other test's fixed dates, so 顾梅's report is the newest on her first page
        clock.set(at("2034-03-06T09:00:00+08:00"));
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description",
                "凤翔小镇社区9号楼暖气不热", "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of());
        clock.set(at("2034-03-20T09:00:00+08:00")); // two weeks later: 5 working days are long past

        try (Browser gumei = Browser.phone(base())) {
            gumei.login("gumei", DEMO_PASSWORD).open("/m/cases");
            assertThat(gumei.text("#due-" + id)).contains("红灯：已超期").contains("03-13 23:59");
            gumei.screenshot("27-grid-worker-my-cases-lights-phone");
        }
    }

    @Test
    void theAdministratorImportsNextYearsNoticeThroughThePage() throws Exception {
        // Thu 2032-12-30 + 3 working days on the assumed week (no 2032 or 2033 notice): Fri 12-31, Mon 01-03, Tue 01-04
        clock.set(at("2032-12-30T10:00:00+08:00"));
        long id = publicPhoneCaseDispatched("路口信号灯故障");
        assertThat(http.get("/api/cases/" + id).bearer(token("dispatcher")).send().json().path("timeLimits")
                .path("dueAt").asString()).isEqualTo("2033-01-04T15:59:59Z");
        clock.reset();

        Path bad = Files.createTempFile("notice-2033-bad-", ".json");
        Files.writeString(bad, """
                {"year": 2033, "papers": [], "days": [
                  {"name": "元旦", "date": "2033-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2033-02-30", "isOffDay": true}]}""");
        Path notice = Files.createTempFile("notice-2033-", ".json");
        Files.writeString(notice, """
                {"year": 2033, "papers": ["https://www.gov.cn/zhengce/content/2032-11/test.htm"], "days": [
                  {"name": "元旦", "date": "2033-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2033-01-02", "isOffDay": true},
                  {"name": "元旦", "date": "2033-01-03", "isOffDay": true},
                  {"name": "春节", "date": "2033-01-29", "isOffDay": false},
                  {"name": "春节", "date": "2033-01-30", "isOffDay": true},
                  {"name": "春节", "date": "2033-01-31", "isOffDay": true}]}""", StandardCharsets.UTF_8);

        try (Browser admin = Browser.office(base())) {
            admin.login("admin", DEMO_PASSWORD).open("/admin/calendar");
            assertThat(admin.text("#notices")).contains("2026", "holiday-cn");

            // a faulty notice is refused whole, the fault named beside the file field
            admin.find("#notice-file").sendKeys(bad.toAbsolutePath().toString());
            admin.submit("#calendar-import");
            assertThat(admin.text("#file-error")).contains("days 第 2 条的日期“2033-02-30”无效").contains("未导入");
            assertThat(admin.driver().findElements(By.id("notice-2033"))).isEmpty();

            admin.find("#notice-file").sendKeys(notice.toAbsolutePath().toString());
            admin.submit("#calendar-import");
            String done = admin.text(".notice");
            Matcher m = Pattern.compile("2033 年节假日安排已导入：列出 6 个日期，重新计算了 (\\d+) 个事件的办理期限").matcher(done);
            assertThat(m.find()).as(done).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(1);
            assertThat(admin.text("#notice-2033")).contains("2033", "6", "admin");
            assertThat(admin.text("#listed-days")).contains("2033-01-01", "元旦", "2033-01-29", "春节（调休上班）", "上班");
            admin.fullScreenshot("28-admin-calendar-imported");
        }
        // 元旦 2033 is Sat to Mon now: Fri 12-31, Tue 01-04, Wed 01-05
        assertThat(http.get("/api/cases/" + id).bearer(token("dispatcher")).send().json().path("timeLimits")
                .path("dueAt").asString()).isEqualTo("2033-01-05T15:59:59Z");
    }

    @Test
    void theRulePageShowsTheActiveVersionFirstAndRefusesAVersionWithoutADefaultRule() {
        int before = jdbc.sql("SELECT MAX(version) FROM time_limit_rule_set").query(Integer.class).single();
        try (Browser admin = Browser.office(base())) {
            admin.login("admin", DEMO_PASSWORD).open("/admin/time-limit-rules");
            assertThat(admin.driver().findElements(By.cssSelector("section.card h2 .badge")).get(0).getText())
                    .isEqualTo("当前生效");
            assertThat(admin.page()).contains("其他诉求：5个工作日内办结");
            // the dispatch limit 派遣时限 of the active version, shown and editable
            assertThat(admin.find("#rules-dispatch-hours").getAttribute("value")).isEqualTo("24");
            assertThat(admin.page()).contains("派遣时限：立案后 24 小时内派遣");
            admin.type("#rules-dispatch-hours", "30");
            // the last filled row is the default rule (no channel, key or urgency): clear it
            int rows = admin.driver().findElements(By.cssSelector("#rules-form tbody tr")).size();
            int last = rows - 4; // three spare rows under the rules
            assertThat(admin.find("#r" + last + "-label").getAttribute("value")).isEqualTo("其他诉求：5个工作日内办结");
            admin.type("#r" + last + "-label", "");
            ((JavascriptExecutor) admin.driver()).executeScript("document.getElementById('r" + last + "-days').value = '';");
            // a spare row with a label and no limit
            admin.type("#r" + (last + 1) + "-label", "没有时限的规则");
            admin.submit("#rules-publish");
            assertThat(admin.page()).contains("须有一条不限渠道、分类和紧急程度的兜底规则");
            assertThat(admin.text("#rule-row-" + (last + 1))).contains("每条规则须给出办结时限");
            assertThat(admin.find("#r" + (last + 1) + "-label").getAttribute("value")).isEqualTo("没有时限的规则");
            assertThat(admin.find("#rules-dispatch-hours").getAttribute("value")).as("as typed").isEqualTo("30");
            admin.fullScreenshot("29-admin-time-limit-rules-refused");
        }
        assertThat(jdbc.sql("SELECT MAX(version) FROM time_limit_rule_set").query(Integer.class).single())
                .as("nothing published").isEqualTo(before);
    }

    @Test
    void aHotlineTransferAsksForFirstContactUntilItIsRecorded() {
        clock.set(at("2026-09-21T09:00:00+08:00")); // 12345: contact within 1 working day, due Tue 09-22
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "HOTLINE_12345",
                "description", "小区电梯经常停运", "lat", p[0], "lng", p[1], "reporterPhone", "13600003333"))
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        clock.set(at("2026-09-21T14:00:00+08:00"));
        try (Browser handler = Browser.office(base())) {
            handler.login("handler", DEMO_PASSWORD).open("/cases/" + id);
            assertThat(handler.text("#first-contact")).contains("2026-09-22 23:59").doesNotContain("已首次联系");
            handler.type("#tl-fc-note", "已电话联系诉求人，约定明天上午上门查看");
            handler.submit("#tl-first-contact button[type=submit]");
            assertThat(handler.text(".notice")).isEqualTo("已记录事件 " + code(id) + " 的首次联系");
            assertThat(handler.text("#first-contact")).contains("已首次联系 09-21 14:00");
            assertThat(handler.driver().findElements(By.id("tl-first-contact"))).as("recorded once").isEmpty();
            assertThat(handler.text("#timeline")).contains("首次联系", "已电话联系诉求人，约定明天上午上门查看");
            handler.open("/work/TO_SIGN");
            handler.submit("#accept-" + id);
        }
    }

    @Test
    void theHomePageShowsUnreadNotificationsAndMarksThemRead() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseDispatched("小区路灯不亮");
        clock.reset();
        // the dispatch put a "new work" message in the department's inbox (delivered after the commit)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM inbox_message m JOIN app_user u ON u.id = m.user_id"
                        + " WHERE u.username = 'handler' AND m.case_id = ? AND m.read_at IS NULL")
                .param(id).query(Long.class).single() > 0);
        try (Browser handler = Browser.office(base())) {
            handler.login("handler", DEMO_PASSWORD);
            long unread = Long.parseLong(handler.text("#unread-badge .count-badge"));
            assertThat(unread).isGreaterThanOrEqualTo(1);
            long message = jdbc.sql("SELECT MAX(m.id) FROM inbox_message m JOIN app_user u ON u.id = m.user_id"
                    + " WHERE u.username = 'handler' AND m.case_id = ? AND m.read_at IS NULL").param(id)
                    .query(Long.class).single();
            assertThat(handler.text("#msg-" + message)).contains(code(id));
            handler.screenshot("20-handler-home-notifications");
            handler.submit("#read-" + message);
            assertThat(handler.driver().findElements(By.id("msg-" + message))).isEmpty();
            assertThat(Long.parseLong(handler.text("#unread-badge .count-badge"))).isEqualTo(unread - 1);
            handler.open("/work/TO_SIGN");
            handler.submit("#accept-" + id);
        }
    }
}
