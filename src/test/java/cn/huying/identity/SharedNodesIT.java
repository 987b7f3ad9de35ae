package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 30, on one node: what another node does to the database holds here at once. A token or API key revoked by
 * a statement (as another node's revocation is, seen from this one) is refused on the next call, and the keys kept
 * outside the database are checked against the check value the first node stored. (Two real nodes: TwoNodesIT.)
 */
class SharedNodesIT extends IntegrationTest {

    @Autowired
    KeyChecks keyChecks;

    @Test
    void aKeyRevokedElsewhereIsRefusedOnTheNextCall() {
        long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'hotline'").query(Long.class).single();
        Http.Response issued = http.post("/api/api-keys", Map.of("userId", hotline, "name", "revocation " + UUID.randomUUID()))
                .bearer(token("admin")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.json().path("key").asString();
        assertThat(http.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(200);

        // another node's DELETE /api/api-keys/{id}: only the database changes
        jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), issued.json().path("id").asLong()).update();
        assertThat(http.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(401);
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedOnTheNextCall() {
        String token = login("leader", DEMO_PASSWORD);
        assertThat(http.get("/api/auth/me").bearer(token).send().status()).isEqualTo(200);
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE user_id = (SELECT id FROM app_user WHERE username = 'leader')"
                + " AND revoked = FALSE AND created_at >= ?").param(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .update();
        assertThat(http.get("/api/auth/me").bearer(token).send().status()).isEqualTo(401);
    }

    @Test
    void theKeysOfThisNodeWereCheckedAndAnotherKeyIsRefusedNamingItsSetting() {
        assertThat(jdbc.sql("SELECT name FROM key_check ORDER BY name").query(String.class).list())
                .contains("history", "pii", "residents-lookup");
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        keyChecks.require(name, "huying.test.key", () -> "made-with-key-A", "made-with-key-A"::equals);
        // the same key again: accepted
        keyChecks.require(name, "huying.test.key", () -> "made-with-key-A", "made-with-key-A"::equals);
        assertThatThrownBy(() -> keyChecks.require(name, "huying.test.key", () -> "made-with-key-B",
                "made-with-key-B"::equals))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("huying.test.key").hasMessageContaining("HUYING_TEST_KEY")
                .hasMessageContaining("密钥").hasMessageContaining("does not match");
    }
}
