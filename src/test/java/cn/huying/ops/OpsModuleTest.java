package cn.huying.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Ops publishes no event, listens to none and has no API: what it gives is a health contribution. The operator's
 * {@code /actuator/health} (the endpoint, here called directly) has a {@code databaseWrite} part that is UP while
 * the database takes a write, leaves no row behind, and turns the whole health DOWN when a write fails while reads
 * still answer (issue 22) — and UP again once writing works.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@ModuleTestSetup
class OpsModuleTest {

    @Autowired
    HealthEndpoint health;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsDownWhileTheDatabaseCannotWriteAndLeavesNoRow() {
        assertThat(health.healthForPath("databaseWrite").getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM health_probe").query(Long.class).single())
                .as("the probe's write is rolled back").isZero();

        // the probe's table gone: reads still answer, the write fails
        jdbc.sql("ALTER TABLE health_probe RENAME TO health_probe_away").update();
        try {
            assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
            assertThat(health.healthForPath("databaseWrite").getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            jdbc.sql("ALTER TABLE health_probe_away RENAME TO health_probe").update();
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
