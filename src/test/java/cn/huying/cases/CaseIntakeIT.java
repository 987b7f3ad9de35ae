package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.Multipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input is refused field by field, and nothing is stored: no case, no history row, no orphan file. */
class CaseIntakeIT extends CaseSupport {

    private long files() throws IOException {
        Path dir = Path.of("target/test-data/attachments");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void assertNothingStored(Runnable attempt) throws IOException {
        long cases = count("SELECT COUNT(*) FROM case_file");
        long history = count("SELECT COUNT(*) FROM case_history");
        long attachments = count("SELECT COUNT(*) FROM case_attachment");
        long onDisk = files();
        attempt.run();
        assertThat(count("SELECT COUNT(*) FROM case_file")).isEqualTo(cases);
        assertThat(count("SELECT COUNT(*) FROM case_history")).isEqualTo(history);
        assertThat(count("SELECT COUNT(*) FROM case_attachment")).isEqualTo(attachments);
        assertThat(files()).isEqualTo(onDisk);
    }

    @Test
    void missingAndMalformedFieldsAreEachNamed() throws IOException {
        assertNothingStored(() -> {
            Map<String, Object> body = new HashMap<>();
            body.put("category", "NO_SUCH_THING");
            body.put("description", "水".repeat(4001));
            body.put("lat", 36.9);
            body.put("lng", 118.5);
            body.put("urgency", "VERY");
            Http.Response r = http.post("/api/cases", body).bearer(token("dispatcher")).send();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("urgency");
            body.remove("urgency");
            r = http.post("/api/cases", body).bearer(token("dispatcher")).send();
            assertThat(r.status()).isEqualTo(400);
            JsonNode errors = r.json().path("errors");
            assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("category", "description", "location");
            assertThat(r.json().path("detail").asString()).contains("事件分类“NO_SUCH_THING”不存在")
                    .contains("事件描述不能超过 4000 个字").contains("该位置不在任何网格内");
        });
    }

    @Test
    void aReportWithoutAnyLocationIsRefused() throws IOException {
        assertNothingStored(() -> {
            Http.Response r = http.post("/api/cases", Map.of("category", "REQ_HELP", "description", "求助"))
                    .bearer(token("dispatcher")).send();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("location");
        });
    }

    @Test
    void aGridWorkerCannotReportIntoAnotherVillagesGrid() throws IOException {
        assertNothingStored(() -> {
            double[] p = pointIn("卓庄村第二网格第1单元");
            Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "垃圾",
                    "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("detail").asString()).contains("不在您的网格范围内");
        });
    }

    @Test
    void aDisguisedFileIsRefusedByItsContentAndLeavesNoFileBehind() throws IOException {
        assertNothingStored(() -> {
            double[] p = pointIn("凤翔小镇社区第一网格第1单元");
            Multipart form = new Multipart()
                    .json("case", Map.of("category", "LIVE_HEATING", "description", "漏水", "lat", p[0], "lng", p[1]))
                    .file("files", "ok.png", "image/png", Multipart.tinyPng())
                    .file("files", "photo.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes());
            Http.Response r = http.post("/api/cases", form.body()).contentType(form.contentType()).bearer(token("gumei")).send();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("attachments[1]");
            assertThat(r.json().path("detail").asString()).contains("text/html");
        });
    }

    @Test
    void anOversizedFileIsRefused() throws IOException {
        assertNothingStored(() -> {
            double[] p = pointIn("凤翔小镇社区第一网格第1单元");
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            System.arraycopy(Multipart.tinyPng(), 0, big, 0, Multipart.tinyPng().length);
            Multipart form = new Multipart()
                    .json("case", Map.of("category", "LIVE_HEATING", "description", "漏水", "lat", p[0], "lng", p[1]))
                    .file("files", "big.png", "image/png", big);
            Http.Response r = http.post("/api/cases", form.body()).contentType(form.contentType()).bearer(token("gumei")).send();
            assertThat(r.status()).isIn(400, 413);
        });
    }

    @Test
    void aCitizensPhoneIsEncryptedAtRestMaskedInTheViewAndItsFullReadIsAudited() {
        double[] p = pointIn("新安社区第一网格第1单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "REQ_COMPLAINT", "channel", "PUBLIC_PHONE",
                        "description", "小区路灯不亮", "lat", p[0], "lng", p[1], "reporterName", "赵小红",
                        "reporterPhone", "13812345678"))
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        assertThat(r.json().path("detail").path("reporterPhone").asString()).isEqualTo("138****5678");
        assertThat(r.json().path("detail").path("reporterName").asString()).isEqualTo("赵**");
        String stored = jdbc.sql("SELECT reporter_phone_enc FROM case_file WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("13812345678");

        Http.Response contact = http.get("/api/cases/" + id + "/contact").bearer(token("dispatcher")).send();
        assertThat(contact.json().path("phone").asString()).isEqualTo("13812345678");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?", "case:" + id))
                .isEqualTo(1);
        assertThat(http.get("/api/cases/" + id + "/contact").bearer(token("gumei")).send().status()).isEqualTo(403);
    }

    @Test
    void anAttachmentIsServedWithItsTypeNeverAsHtml() {
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        Multipart form = new Multipart()
                .json("case", Map.of("category", "LIVE_HEATING", "description", "漏水照片", "lat", p[0], "lng", p[1]))
                .file("files", "现场.png", "text/html", Multipart.tinyPng());
        Http.Response r = http.post("/api/cases", form.body()).contentType(form.contentType()).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long attachment = r.json().path("detail").path("attachments").get(0).path("id").asLong();
        Http.Response file = http.get("/api/attachments/" + attachment).bearer(token("gumei")).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("image/png");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.header("Content-Length")).isEqualTo(Integer.toString(Multipart.tinyPng().length));
        assertThat(http.get("/api/attachments/" + attachment).bearer(token("gridworker2")).send().status()).isEqualTo(404);
    }
}
