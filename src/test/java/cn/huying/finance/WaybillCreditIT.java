package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 物流e贷: a waybill import with bad rows reports them; a bank sees the credit report only while the enterprise consents. */
class WaybillCreditIT extends FinanceFixtures {

    @Test
    void badRowsAreReportedAndTheReportIsForABankOnlyWithConsent() throws Exception {
        clock.set(LocalDateTime.parse("2026-11-20T10:00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Party sme = approvedEnterprise("青岛城阳运单测试物流有限公司" + unique(""));
        String p = unique("W");
        String csv = "运单号,起运地,目的地,运费,发货日期,签收日期\n"
                + p + "01,青岛城阳,济南,2000.00,2026-10-01,2026-10-03\n"
                + p + "02,青岛城阳,潍坊,2100.50,2026-10-05,2026-10-06\n"
                + p + "03,青岛城阳,烟台,2200,2026-10-09,\n"
                + p + "01,青岛城阳,济南,2000.00,2026-10-01,2026-10-03\n"      // 4: duplicate in the file
                + p + "05,青岛城阳,青岛城阳,1900,2026-10-10,2026-10-11\n"    // 5: impossible route
                + p + "06,青岛城阳,临沂,2050,2026-10-12,2026-10-08\n"        // 6: received before shipped
                + p + "07,青岛城阳,日照,abc,2026-10-12,2026-10-13\n"         // 7: not an amount
                + p + "08,青岛城阳,威海,99999,2026-10-14,2026-10-15\n"       // 8: out of line (> 10 × the median 2200 of 2000, 2100.50, 2200, 2300, 99999)
                + p + "09,青岛城阳,淄博,2150,2026-12-01,\n"                  // 9: shipped in the future
                + p + "10,青岛城阳,东营,2300,2026-10-20,2026-10-22\n";
        Http.Response r = upload(as(sme.username()), "waybills.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.path("rowsTotal").asInt()).isEqualTo(10);
        assertThat(result.path("rowsAccepted").asInt()).isEqualTo(4);
        assertThat(result.path("refused").findValues("row")).extracting(JsonNode::asInt).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(result.path("refused").findValuesAsString("reason")).containsExactly("运单号在文件中重复",
                "起运地与目的地相同，路线不成立", "签收日期早于发货日期或晚于今天", "运费“abc”不是金额",
                "运费 99999.00 元与本批运单中位数 2200.00 元相差过大", "发货日期晚于今天");

        // Excel: one good row, one imported before, one with a bad date
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("运单");
            String[][] rows = {{"运单号", "起运地", "目的地", "运费", "发货日期", "签收日期"},
                    {p + "11", "青岛城阳", "济宁", "2400", "2026-10-25", "2026-10-27"},
                    {p + "02", "青岛城阳", "潍坊", "2100.50", "2026-10-05", "2026-10-06"},
                    {p + "12", "青岛城阳", "泰安", "2250", "2026年10月1日", ""}};
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode excel = upload(as(sme.username()), "waybills.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx).json();
        assertThat(excel.path("rowsAccepted").asInt()).isEqualTo(1);
        assertThat(excel.path("refused").findValuesAsString("reason")).containsExactly("运单号已导入过", "日期格式应为 yyyy-MM-dd");

        JsonNode own = http.get("/api/finance/credit-report").bearer(as(sme.username())).send().json();
        assertThat(own.path("waybills").asLong()).isEqualTo(5);
        assertThat(own.path("totalFreight").decimalValue()).isEqualByComparingTo("11000.50"); // 2000 + 2100.50 + 2200 + 2300 + 2400
        assertThat(own.path("receiptRate").decimalValue()).isEqualByComparingTo("0.8000"); // 4 of 5 signed for
        assertThat(own.path("refusedRows").asLong()).isEqualTo(8);

        // a bank serving the enterprise's need sees the report only while the consent stands
        Party bank = bank("运单测试银行" + unique(""));
        Party stranger = bank("未对接测试银行" + unique(""));
        long need = postNeed(sme, "300000").path("id").asLong();
        assertThat(http.post("/api/finance/needs/" + need + "/take", null).bearer(as(bank.username())).send().status()).isEqualTo(201);
        String report = "/api/finance/enterprises/" + sme.id() + "/credit-report";
        Http.Response without = http.get(report).bearer(as(bank.username())).send();
        assertThat(without.status()).isEqualTo(404);
        assertThat(without.json().path("detail").asString()).contains("未授权");

        assertThat(http.post("/api/finance/consent", null).bearer(as(sme.username())).send().json().path("granted").asBoolean()).isTrue();
        JsonNode seen = http.get(report).bearer(as(bank.username())).send().json();
        assertThat(seen.path("waybills").asLong()).isEqualTo(5);
        assertThat(seen.path("grade").asString()).isEqualTo("C");
        assertThat(http.get(report).bearer(as(stranger.username())).send().status()).isEqualTo(404);
        var docx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.base() + report + ".docx")).header("Authorization", "Bearer " + as(bank.username())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
            var table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("运单数");
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("5");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("11000.50");
            assertThat(doc.getParagraphs().get(1).getText()).contains(sme.name());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'CREDIT_REPORT_VIEW' AND target = ?")
                .param("enterprise:" + sme.id()).query(Long.class).single()).isEqualTo(2);

        assertThat(http.post("/api/finance/consent/withdraw", null).bearer(as(sme.username())).send().json()
                .path("granted").asBoolean()).isFalse();
        assertThat(http.get(report).bearer(as(bank.username())).send().status()).isEqualTo(404);
        assertThat(http.get(report + ".docx").bearer(as(bank.username())).send().status()).isEqualTo(404);
    }
}
