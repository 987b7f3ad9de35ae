package cn.huying.support;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, over real HTTP,
 * against H2 (default) or PostgreSQL ({@link TestDatabase}), with the demo town loaded and a
 * controllable clock. All subclasses share one application context; tests create their own
 * data with unique codes and put the clock back when they are done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huying.demo=true", "huying.sla.sweep-initial-delay=1d", "huying.stats.refresh-initial-delay=1d"})
@Import(IntegrationTest.TestClockConfig.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "Huying@2026";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(ZoneId.of("Asia/Shanghai"));
        }

        /** On PostgreSQL, start every test run from an empty schema. */
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                if (TestDatabase.postgres()) {
                    flyway.clean();
                }
                flyway.migrate();
            };
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.flyway.clean-disabled", () -> "false");
        registry.add("huying.data-dir", () -> "target/test-data");
        // each application context its own search index, in a temporary directory, looked after often
        registry.add("huying.search.temporary-index", () -> "true");
        registry.add("huying.search.poll-interval", () -> "200ms");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    @BeforeEach
    void setUpHttp() {
        http = new Http("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A bearer token for a demo user (password {@value #DEMO_PASSWORD}), fetched once per run. */
    /** {@code POST /api/cases/{id}/{action}} as {@code user}, with the case's current version unless one is given. */
    protected Http.Response tryAct(String user, long id, String action, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        String bearer = token(user);
        body.computeIfAbsent("version", k -> http.get("/api/cases/" + id).bearer(bearer).send().json().path("version").asLong());
        return http.post("/api/cases/" + id + "/" + action, body).bearer(bearer).send();
    }

    /** As {@link #tryAct}, and the action must succeed. */
    protected tools.jackson.databind.JsonNode act(String user, long id, String action, Map<String, Object> fields) {
        Http.Response r = tryAct(user, id, action, fields);
        org.assertj.core.api.Assertions.assertThat(r.status()).as(user + " " + action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** A demo user as the services see them (roles, region scope and department from the database). */
    protected cn.huying.identity.CurrentUser currentUser(String username, String... permissions) {
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        Long scope = jdbc.sql("SELECT scope_region_id FROM app_user WHERE username = ?").param(username)
                .query(Long.class).optional().orElse(null);
        Long department = jdbc.sql("SELECT department_id FROM app_user WHERE username = ?").param(username)
                .query(Long.class).optional().orElse(null);
        java.util.Set<String> roles = new java.util.HashSet<>(jdbc.sql("SELECT role_code FROM user_role ur"
                + " JOIN app_user u ON u.id = ur.user_id WHERE u.username = ?").param(username).query(String.class).list());
        return new cn.huying.identity.CurrentUser(id, username, username, roles, java.util.Set.of(permissions), scope,
                department);
    }

    protected String token(String username) {
        if (clock.isFixed()) {
            // a token issued at a test time may be expired at the real time: do not keep it
            return login(username, DEMO_PASSWORD);
        }
        return TOKENS.computeIfAbsent(username + "@" + port, k -> login(username, DEMO_PASSWORD));
    }

    protected String login(String username, String password) {
        Http.Response r = http.post("/api/auth/token", Map.of("username", username, "password", password)).send();
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return Objects.requireNonNull(r.json().path("accessToken").asString());
    }

    /** A point inside the named region's boundary (its interior point), as {lat, lng}. */
    protected double[] pointIn(String regionName) {
        String boundary = jdbc.sql("SELECT boundary FROM region WHERE name = ?").param(regionName).query(String.class).single();
        try {
            var p = new org.locationtech.jts.io.geojson.GeoJsonReader().read(boundary).getInteriorPoint();
            return new double[]{p.getY(), p.getX()};
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Id of a department by its code. */
    protected long departmentId(String code) {
        return jdbc.sql("SELECT id FROM department WHERE code = ?").param(code).query(Long.class).single();
    }

    /** Id of a region by its code. */
    protected long regionId(String code) {
        return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
    }
}
