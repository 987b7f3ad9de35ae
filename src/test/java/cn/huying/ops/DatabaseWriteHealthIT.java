package cn.huying.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: {@code /actuator/health} said UP while every write failed. The health check writes (and rolls back);
 * when that write fails the application is DOWN (503), and UP again once writing works.
 */
class DatabaseWriteHealthIT extends IntegrationTest {

    @Test
    void healthIsDownWhileTheDatabaseCannotWrite() {
        assertThat(http.get("/actuator/health").send().status()).isEqualTo(200);
        // the probe's table gone: reads still answer, the write fails
        jdbc.sql("ALTER TABLE health_probe RENAME TO health_probe_away").update();
        try {
            Http.Response down = http.get("/actuator/health").send();
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asString()).isEqualTo("DOWN");
        } finally {
            jdbc.sql("ALTER TABLE health_probe_away RENAME TO health_probe").update();
        }
        Http.Response up = http.get("/actuator/health").send();
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().path("status").asString()).isEqualTo("UP");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM health_probe").query(Long.class).single()).isZero();
    }
}
