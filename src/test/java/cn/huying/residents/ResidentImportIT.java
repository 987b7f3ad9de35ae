package cn.huying.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.support.Http;
import cn.huying.support.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Excel import over real HTTP: the downloaded template filled in and sent back is stored; a file with one bad
 * row stores nothing and names each refused row in Chinese; wrong columns, 100,000 rows of garbage and a file
 * that is not Excel are refused with a clear reason and no 500; the filtered list exports to Excel.
 */
class ResidentImportIT extends ResidentSupport {

    private byte[] template() throws Exception {
        var r = download("/api/residents/import/template", "cadre");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The template with rows filled in (every cell text, as the template formats them). */
    private byte[] filled(List<List<String>> rows) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(i).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private JsonNode importFile(byte[] file) {
        Multipart form = new Multipart().file("file", "登记.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
        Http.Response started = http.post("/api/residents/imports", form.body()).contentType(form.contentType())
                .bearer(token("cadre")).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().path("id").asLong();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job[0] = http.get("/api/residents/imports/" + id).bearer(token("cadre")).send().json();
            return !"RUNNING".equals(job[0].path("state").asString());
        });
        return job[0];
    }

    private List<String> row(String building, String room, String name, String id, String kind, String expiry,
                             String tags) {
        return List.of(building, "1单元", room, "37048110720101", "自住", name, id, "13812345678", kind, "户主",
                "2020-05-01", expiry, tags);
    }

    @Test
    void theTemplateRoundTripsAndEveryRowIsStored() throws Exception {
        String building = "卓庄村导入" + System.nanoTime() + "号楼";
        String a = freshIdCard();
        String b = freshIdCard();
        String names = "导入" + System.nanoTime() % 1_000_000;
        JsonNode job = importFile(filled(List.of(row(building, "101", names + "甲", a, "常住", "", "独居老人"),
                row(building, "101", names + "乙", b, "租户", "2027-06-30", ""))));
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("imported").asInt()).isEqualTo(2);
        assertThat(job.path("checkedRows").asInt()).isEqualTo(2);
        JsonNode found = http.get("/api/residents/persons" + Http.query("idCard", a)).bearer(token("cadre")).send().json();
        assertThat(found.path("items").get(0).path("tagNames").toString()).contains("独居老人");
        assertThat(found.path("items").get(0).path("address").asString()).isEqualTo(building + "1单元101室");
        JsonNode houses = http.get("/api/residents/houses" + Http.query("q", building)).bearer(token("cadre")).send().json();
        assertThat(houses.path("total").asLong()).isEqualTo(1);
        assertThat(houses.path("items").get(0).path("residents").asInt()).isEqualTo(2);

        // the filtered list (by name, as typed from its start) exports to Excel, masked as on screen
        var xlsx = download("/api/residents/persons/export.xlsx" + Http.query("q", names), "cadre");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("公民身份号码");
            assertThat(List.of(s.getRow(1).getCell(1).getStringCellValue(), s.getRow(2).getCell(1).getStringCellValue()))
                    .containsExactlyInAnyOrder(cn.huying.identity.PersonalData.maskIdCard(a),
                            cn.huying.identity.PersonalData.maskIdCard(b));
        }
    }

    @Test
    void aFileWithRefusedRowsStoresNothingAndNamesEachRow() throws Exception {
        String building = "卓庄村导入" + System.nanoTime() + "号楼";
        String good = freshIdCard();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        JsonNode job = importFile(filled(List.of(
                row(building, "101", "正常行", freshIdCard(), "常住", "", ""),
                row(building, "102", "错号行", badCheck, "常住", "", ""),
                row(building, "103", "租户行", freshIdCard(), "租户", "", "孤寡"),
                List.of(building, "1单元", "104", "37048110720201", "自住", "外网格", freshIdCard(), "", "常住", "", "",
                        "", ""))));
        assertThat(job.path("state").asString()).isEqualTo("REFUSED");
        String report = job.path("refusals").toString();
        assertThat(report).contains("第 3 行").contains("校验位")
                .contains("第 4 行").contains("居住登记有效期").contains("未知的关爱标签：孤寡")
                .contains("第 5 行").contains("网格编码“37048110720201”不存在或不在您的管辖范围内")
                .doesNotContain("第 2 行");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM res_house WHERE address LIKE ?").param(building + "%")
                .query(Long.class).single()).as("nothing stored").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM res_person WHERE name = '正常行'").query(Long.class).single()).isZero();
    }

    @Test
    void wrongColumnsGarbageAndHugeFilesAreRefusedClearlyWithout500() throws Exception {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            JsonNode job = importFile(out.toByteArray());
            assertThat(job.path("state").asString()).isEqualTo("FAILED");
            assertThat(job.path("refusals").get(0).asString()).startsWith("表头与模板不符");
        }
        JsonNode garbage = importFile("这不是一个 Excel 文件".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(garbage.path("refusals").get(0).asString()).contains("无法读取");

        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            for (int i = 0; i <= 100_000; i++) {
                Row r = s.createRow(i);
                for (int c = 0; c < (i == 0 ? 13 : 3); c++) {
                    r.createCell(c).setCellValue(i == 0 ? ResidentImports.COLUMNS.get(c) : "x" + i);
                }
            }
            wb.write(out);
            wb.dispose();
            JsonNode huge = importFile(out.toByteArray());
            assertThat(huge.path("state").asString()).isEqualTo("FAILED");
            assertThat(huge.path("refusals").get(0).asString()).contains("行数过多").contains("5000");
        }
        // too big a file is refused at once
        Multipart big = new Multipart().file("file", "big.xlsx", "application/octet-stream", new byte[6 * 1024 * 1024]);
        Http.Response r = http.post("/api/residents/imports", big.body()).contentType(big.contentType())
                .bearer(token("cadre")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("文件过大");
        // a grid worker may not import
        assertThat(http.post("/api/residents/imports", big.body()).contentType(big.contentType()).bearer(token("gumei"))
                .send().status()).isEqualTo(403);
    }
}
