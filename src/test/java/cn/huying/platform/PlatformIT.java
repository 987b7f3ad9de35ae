package cn.huying.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.IntegrationTest;
import cn.huying.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform starts on the test database with every migration applied, health, and the API description. */
class PlatformIT extends IntegrationTest {

    @Test
    void everyMigrationIsAppliedSuccessfully() {
        List<Boolean> outcomes = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(Boolean.class).list();
        assertThat(outcomes).isNotEmpty().allMatch(Boolean::booleanValue);
        String vendorMigration = jdbc.sql("SELECT script FROM flyway_schema_history WHERE version = '1.0'")
                .query(String.class).single();
        assertThat(vendorMigration).isEqualTo("V1_0__event_publication.sql");
        String product = jdbc.sql("SELECT 1").query(String.class).single();
        assertThat(product).isEqualTo("1");
        if (TestDatabase.postgres()) {
            assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        }
    }

    @Test
    void healthIsUpWithoutSignIn() {
        var r = http.get("/actuator/health").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheRegionAndAuthApis() {
        var r = http.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        var paths = r.json().path("paths");
        assertThat(paths.has("/api/regions")).isTrue();
        assertThat(paths.has("/api/regions/{id}/counts")).isTrue();
        assertThat(paths.has("/api/regions/locate")).isTrue();
        assertThat(paths.has("/api/auth/token")).isTrue();
        assertThat(paths.has("/api/departments")).isTrue();
        // an attachment is described as a file, not as the streaming callback that writes it
        var file = paths.path("/api/attachments/{id}").path("get").path("responses").path("200").path("content")
                .path("application/octet-stream").path("schema");
        assertThat(file.path("format").asString()).isEqualTo("binary");
        assertThat(r.json().path("components").path("schemas").has("StreamingResponseBody")).isFalse();
    }

    @Test
    void anApiErrorIsAProblemDetailInChinese() {
        var r = http.get("/api/regions/999999999").bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asString()).contains("不存在");
    }
}
