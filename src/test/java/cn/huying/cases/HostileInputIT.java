package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, the "Low" list: inputs that answered 500 or were taken as they came. Each answers a Chinese 400 (or
 * 404) problem document now, and hostile attachments are refused.
 */
class HostileInputIT extends CaseSupport {

    private void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asString()).containsPattern("\\p{IsHan}");
    }

    @Test
    void aPageBeyondAnyListIsRefused() {
        assertProblem(http.get("/api/cases?page=10737419&size=200").bearer(token("dispatcher")).send(), 400);
    }

    @Test
    void unknownPathsAndTheBareErrorPathAnswerAsProblems() {
        assertProblem(http.get("/api/no-such-thing").bearer(token("dispatcher")).send(), 404);
        assertThat(http.get("/error").send().status()).isEqualTo(404);
    }

    @Test
    void overLongFieldsAndUnknownReferencesAreTheClientsFault() {
        String admin = token("admin");
        Http.Response town = http.post("/api/regions", Map.of("code", "L" + UUID.randomUUID().toString().substring(0, 8),
                "name", "长字段测试镇", "type", "TOWN", "parentId", regionId("370481"))).bearer(admin).send();
        assertThat(town.status()).isEqualTo(201);
        assertProblem(http.patch("/api/regions/" + town.json().path("id").asLong(), Map.of("abbr", "长".repeat(5000)))
                .bearer(admin).send(), 400);
        assertProblem(http.post("/api/users", Map.of("username", "u" + UUID.randomUUID().toString().substring(0, 8),
                "displayName", "测试", "password", "Correct#2026", "roles", List.of("HANDLER"),
                "departmentId", 987654321)).bearer(admin).send(), 400);
        Map<String, Object> rules = new HashMap<>();
        rules.put("rules", java.util.Collections.singletonList(null));
        assertProblem(http.post("/api/time-limit-rules", rules).bearer(admin).send(), 400);
    }

    private Http.Response upload(String fileName, String type, byte[] bytes) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Multipart form = new Multipart()
                .json("case", Map.of("category", "LIVE_HEATING", "description", "附件测试", "lat", p[0], "lng", p[1]))
                .file("files", fileName, type, bytes);
        return http.post("/api/cases", form.body()).contentType(form.contentType()).bearer(token("gumei")).send();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A PNG header declaring {@code w}×{@code h} pixels (with a correct checksum) and nothing else worth decoding. */
    private static byte[] pngDeclaring(int w, int h) {
        byte[] png = Multipart.tinyPng().clone();
        ByteBuffer.wrap(png, 16, 8).putInt(w).putInt(h);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    @Test
    void hostileAttachmentsAreRefused() throws IOException {
        byte[] withProgram = zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/setup.exe", new byte[] {'M', 'Z', 0, 0}));
        assertThat(upload("报告.docx", "application/octet-stream", withProgram).json().path("detail").asString())
                .contains("程序文件");
        byte[] bomb = zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "xl/sheet1.xml", new byte[150 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(upload("账.xlsx", "application/octet-stream", bomb).json().path("detail").asString())
                .contains("压缩炸弹");
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n"
                + "2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("通知.pdf", "application/pdf", pdf).json().path("detail").asString()).contains("脚本");
        Http.Response huge = upload("大图.png", "image/png", pngDeclaring(20000, 20000));
        assertProblem(huge, 400);
        assertThat(huge.json().path("detail").asString()).contains("图片尺寸过大");

        Http.Response ok = upload("现场\u202Egpj.exe", "image/png", pngDeclaring(1, 1));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        String stored = ok.json().path("detail").path("attachments").get(0).path("fileName").asString();
        assertThat(stored).doesNotContain("\u202E").isEqualTo("现场_gpj.exe");
        act("dispatcher", ok.json().path("id").asLong(), "reject", Map.of("note", "测试结束"));
    }
}
