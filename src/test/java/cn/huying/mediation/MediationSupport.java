package cn.huying.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Steps shared by the mediation tests, over real HTTP. */
abstract class MediationSupport extends IntegrationTest {

    protected long orgId(String code) {
        return jdbc.sql("SELECT id FROM mediation_org WHERE code = ?").param(code).query(Long.class).single();
    }

    /** The committee of a village, by the village's name. */
    protected long committee(String village) {
        return jdbc.sql("SELECT id FROM mediation_org WHERE name = ?").param(village + "人民调解委员会").query(Long.class)
                .single();
    }

    protected long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    protected long regionByName(String name) {
        return jdbc.sql("SELECT id FROM region WHERE name = ?").param(name).query(Long.class).single();
    }

    protected static Map<String, Object> party(String side, String name, String id, String phone) {
        Map<String, Object> p = new HashMap<>();
        p.put("side", side);
        p.put("name", name);
        p.put("idNumber", id);
        p.put("phone", phone);
        return p;
    }

    /** A walk-in dispute opened by the centre; answers its id. */
    protected long walkIn(String type, String title, String amount, long regionId, long orgId, List<Long> mediators,
                          List<Map<String, Object>> parties) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("facts", title + "，双方争执不下，来中心申请调解。");
        body.put("amountClaimed", amount);
        body.put("regionId", regionId);
        body.put("orgId", orgId);
        body.put("mediatorIds", mediators);
        body.put("parties", parties);
        Http.Response r = http.post("/api/mediation/disputes", body).bearer(token("centre")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    protected JsonNode dispute(String user, long id) {
        Http.Response r = http.get("/api/mediation/disputes/" + id).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    protected Http.Response post(String user, String path, Object body) {
        return http.post(path, body).bearer(token(user)).send();
    }

    protected JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json();
    }

    protected Map<String, Object> succeeded(String terms, String amount, String due) {
        Map<String, Object> b = new HashMap<>();
        b.put("result", "SUCCEEDED");
        b.put("terms", terms);
        b.put("amount", amount);
        b.put("performanceDue", due);
        return b;
    }

    protected byte[] download(String user, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token(user))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    protected static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }
}
