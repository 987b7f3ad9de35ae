package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.identity.CreditCodes;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Test data of the finance ITs, made over HTTP with unique names: enterprises (registered and approved) and banks. */
abstract class FinanceFixtures extends IntegrationTest {

    static final String PW = DEMO_PASSWORD;
    private static final AtomicInteger SEQ = new AtomicInteger();

    record Party(long id, String username, String name) {
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    /** Signs in (every time: the test clock may have moved past a token's life). */
    String as(String username) {
        return login(username, PW);
    }

    /** An SME registers without an account and the finance office (demo user jrb) approves it. */
    Party approvedEnterprise(String name) {
        String code = CreditCodes.unique();
        String username = unique("ent");
        Http.Response r = http.post("/api/public/enterprises", Map.of("creditCode", code, "name", name, "contactName", "周晓东",
                "contactPhone", "13600001111", "consent", true, "username", username, "password", PW)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("enterprise").path("id").asLong();
        Http.Response approved = http.post("/api/enterprises/" + id + "/approve", null).bearer(as("jrb")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return new Party(id, username, name);
    }

    /** A head office onboarded by the office, with one account manager. */
    Party bank(String name) {
        String office = as("jrb");
        Http.Response b = http.post("/api/finance/banks", Map.of("code", unique("B"), "name", name)).bearer(office).send();
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        long id = b.json().path("id").asLong();
        String username = unique("bk");
        Http.Response u = http.post("/api/finance/banks/" + id + "/users", Map.of("username", username, "displayName",
                name + "客户经理", "password", PW)).bearer(office).send();
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        return new Party(id, username, name);
    }

    /** A waybill file sent as the form field {@code file}. */
    Http.Response upload(String token, String fileName, String contentType, byte[] bytes) {
        cn.huying.support.Multipart form = new cn.huying.support.Multipart().file("file", fileName, contentType, bytes);
        return http.post("/api/finance/waybills/import", form.body()).contentType(form.contentType()).bearer(token).send();
    }

    JsonNode postNeed(Party enterprise, String amount) {
        Http.Response r = http.post("/api/finance/needs", Map.of("purpose", "购置冷链运输车辆", "amount", amount,
                "termMonths", 12, "maxRate", "0.0600", "guarantee", "CREDIT", "publish", true)).bearer(as(enterprise.username())).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    Http.Response advance(Party bank, long engagement, String to, String amount) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("to", to);
        if (amount != null) {
            body.put("amount", amount);
        }
        return http.post("/api/finance/engagements/" + engagement + "/advance", body).bearer(as(bank.username())).send();
    }
}
