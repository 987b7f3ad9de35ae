package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a citizen or a grid worker set their case's channel, receipt time and external deadline (1970, 9999)
 * and the case was red with a supervision order the moment it was registered. Only staff intake and integrations
 * state them, within bounds; nothing is stored for a refused report.
 */
class IntakeFactsIT extends CaseSupport {

    private Http.Response report(String user, Map<String, Object> extra) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Map<String, Object> body = new HashMap<>(Map.of("category", "LIVE_SANITATION", "description", "楼道堆放杂物",
                "lat", p[0], "lng", p[1]));
        body.putAll(extra);
        return http.post("/api/cases", body).bearer(token(user)).send();
    }

    @Test
    void reportersCannotStateTheFactsOfReceipt() {
        long before = count("SELECT COUNT(*) FROM case_file");
        for (String user : new String[] {"citizen", "gumei"}) {
            Http.Response r = report(user, Map.of("channel", "HOTLINE_12345", "receivedAt", "1970-01-01T00:00:00Z",
                    "externalDueAt", "1970-01-02T00:00:00Z"));
            assertThat(r.status()).as(user + ": " + r).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsString("field"))
                    .contains("channel", "receivedAt", "externalDueAt");
            assertThat(r.json().path("detail").asString()).contains("只能由指挥中心受理或对接系统填写");
            r = report(user, Map.of("externalDueAt", "9999-12-31T00:00:00Z"));
            assertThat(r.status()).as(user + ": " + r).isEqualTo(400);
        }
        assertThat(count("SELECT COUNT(*) FROM case_file")).isEqualTo(before);
        // their own channel, said aloud, is still theirs
        assertThat(report("gumei", Map.of("channel", "GRID_REPORT")).status()).isEqualTo(201);
    }

    @Test
    void staffIntakeStatesThemWithinBounds() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Response r = report("dispatcher", Map.of("channel", "PUBLIC_PHONE",
                "receivedAt", now.minus(2, ChronoUnit.HOURS).toString(), "externalDueAt", "9999-12-31T00:00:00Z"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("externalDueAt");
        r = report("dispatcher", Map.of("receivedAt", now.minus(2, ChronoUnit.HOURS).toString(),
                "externalDueAt", now.minus(3, ChronoUnit.HOURS).toString()));
        assertThat(r.status()).as("a deadline before the receipt: " + r).isEqualTo(400);

        r = report("dispatcher", Map.of("channel", "PUBLIC_PHONE",
                "receivedAt", now.minus(2, ChronoUnit.HOURS).toString(),
                "externalDueAt", now.plus(3, ChronoUnit.DAYS).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("detail").path("channel").asString()).isEqualTo("PUBLIC_PHONE");
    }
}
