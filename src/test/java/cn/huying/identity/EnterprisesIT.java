package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The enterprise registry over real HTTP: self-registration, the finance office's decision, who may do what. */
class EnterprisesIT extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private String office() {
        String name = "jrb" + System.nanoTime() % 100000000 + SEQ.incrementAndGet();
        Http.Response r = http.post("/api/users", Map.of("username", name, "displayName", "金融办测试", "password",
                DEMO_PASSWORD, "roles", Set.of(Roles.FINANCE_OFFICE))).bearer(token("admin")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login(name, DEMO_PASSWORD);
    }

    private Map<String, Object> registration(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", code);
        body.put("name", "青岛城阳测试物流有限公司" + SEQ.incrementAndGet());
        body.put("contactName", "王建国");
        body.put("contactPhone", "13812345678");
        body.put("consent", true);
        body.put("password", "Qiye@2026x");
        return body;
    }

    @Test
    void anEnterpriseRegistersWithoutAnAccountAndTheFinanceOfficeApprovesIt() {
        String code = CreditCodes.unique();
        Http.Response r = http.post("/api/public/enterprises", registration(code)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode e = r.json().path("enterprise");
        long id = e.path("id").asLong();
        assertThat(e.path("status").asString()).isEqualTo("PENDING");
        assertThat(e.path("contactPhoneMasked").asString()).isEqualTo("138****5678");
        assertThat(e.path("contactNameMasked").asString()).isEqualTo("王**");
        assertThat(e.path("consentAt").isNull()).isFalse();
        assertThat(r.json().path("username").asString()).isEqualTo(code);
        // stored encrypted, not as typed
        String stored = jdbc.sql("SELECT contact_phone FROM enterprise WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain("13812345678");

        // the member signs in and sees its enterprise, pending; it may not approve itself
        String member = login(code, "Qiye@2026x");
        assertThat(http.get("/api/enterprises/mine").bearer(member).send().json().path("id").asLong()).isEqualTo(id);
        assertThat(http.post("/api/enterprises/" + id + "/approve", null).bearer(member).send().status()).isEqualTo(403);
        assertThat(http.get("/api/enterprises?status=PENDING").bearer(member).send().status()).isEqualTo(403);

        String office = office();
        List<String> pending = http.get("/api/enterprises?status=PENDING").bearer(office).send().json()
                .findValuesAsString("creditCode");
        assertThat(pending).contains(code);
        JsonNode approved = http.post("/api/enterprises/" + id + "/approve", null).bearer(office).send().json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("decidedAt").isNull()).isFalse();
        assertThat(http.get("/api/enterprises?status=PENDING").bearer(office).send().json()
                .findValuesAsString("creditCode")).doesNotContain(code);
        assertThat(http.get("/api/enterprises?status=APPROVED").bearer(office).send().json()
                .findValuesAsString("creditCode")).contains(code);

        // a second decision is a conflict
        Http.Response again = http.post("/api/enterprises/" + id + "/reject", Map.of("reason", "材料不全")).bearer(office).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("已审核");

        // the full contact is for the office, and the view is audited
        JsonNode contact = http.get("/api/enterprises/" + id + "/contact").bearer(office).send().json();
        assertThat(contact.path("phone").asString()).isEqualTo("13812345678");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?")
                .param("enterprise:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRejectionNeedsAReasonAndIsKept() {
        String code = CreditCodes.unique();
        long id = http.post("/api/public/enterprises", registration(code)).send().json().path("enterprise").path("id").asLong();
        String office = office();
        Http.Response noReason = http.post("/api/enterprises/" + id + "/reject", Map.of()).bearer(office).send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asString()).contains("理由");
        JsonNode rejected = http.post("/api/enterprises/" + id + "/reject", Map.of("reason", "营业执照与名称不符"))
                .bearer(office).send().json();
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejectReason").asString()).isEqualTo("营业执照与名称不符");
    }

    @Test
    void badRegistrationsAreRefusedWithChineseReasonsAndNothingIsWritten() {
        Map<String, Object> body = registration("91370214MA3C1234X3"); // wrong check character
        body.put("contactPhone", "12345");
        body.put("consent", false);
        Http.Response r = http.post("/api/public/enterprises", body).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("creditCode", "contactPhone", "consent");
        assertThat(r.json().path("detail").asString()).contains("统一社会信用代码", "GB 32100", "数据使用授权");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = '91370214MA3C1234X3'")
                .query(Long.class).single()).isZero();

        // a taken code is a conflict
        String code = CreditCodes.unique();
        assertThat(http.post("/api/public/enterprises", registration(code)).send().status()).isEqualTo(201);
        Map<String, Object> twice = registration(code);
        twice.put("username", "other" + SEQ.incrementAndGet() + System.nanoTime() % 100000);
        Http.Response dup = http.post("/api/public/enterprises", twice).send();
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("detail").asString()).contains(code, "已登记");

        // a taken user name rolls the enterprise back too
        String other = CreditCodes.unique();
        Map<String, Object> takenUser = registration(other);
        takenUser.put("username", "admin");
        assertThat(http.post("/api/public/enterprises", takenUser).send().status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?").param(other)
                .query(Long.class).single()).isZero();
    }
}
