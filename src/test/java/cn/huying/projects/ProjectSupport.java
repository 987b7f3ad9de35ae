package cn.huying.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.identity.CreditCodes;
import cn.huying.identity.Roles;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Helpers of the 阳光推介 tests: tokens on the test clock, enterprises approved by a finance office, a project's steps. */
abstract class ProjectSupport extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final Map<String, String> tokens = new HashMap<>();

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** A token for a user, issued at the test clock's time (a token from an earlier test time may have expired). */
    protected String as(String user) {
        return tokens.computeIfAbsent(user + "@" + clock.instant().getEpochSecond() / 3600,
                k -> login(user, DEMO_PASSWORD));
    }

    protected Http.Response post(String user, String path, Object body) {
        return http.post(path, body).bearer(as(user)).send();
    }

    protected JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.body().isEmpty() ? null : r.json();
    }

    protected String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new user with a role, created by the administrator over HTTP. */
    protected String user(String role, String displayName) {
        String name = "t" + role.toLowerCase().substring(0, 3) + System.nanoTime() % 100000000 + SEQ.incrementAndGet();
        Http.Response r = http.post("/api/users", Map.of("username", name, "displayName", displayName, "password",
                DEMO_PASSWORD, "roles", Set.of(role))).bearer(login("admin", DEMO_PASSWORD)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    /** An enterprise registered without an account; approved by a finance office user unless {@code approve} is false. */
    protected String enterprise(String name, boolean approve) {
        String code = CreditCodes.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", code);
        body.put("name", name);
        body.put("contactName", "王经理");
        body.put("contactPhone", "13812345678");
        body.put("consent", true);
        body.put("password", DEMO_PASSWORD);
        Http.Response r = http.post("/api/public/enterprises", body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        if (approve) {
            long id = r.json().path("enterprise").path("id").asLong();
            String office = user(Roles.FINANCE_OFFICE, "金融办");
            assertThat(post(office, "/api/enterprises/" + id + "/approve", null).status()).isEqualTo(200);
        }
        return code;
    }

    protected long createProject(String name) {
        Http.Response r = post("project_officer", "/api/projects", Map.of("name", name, "category", "交通基础设施",
                "location", "城阳区春阳路沿线", "plannedInvestment", "1320000000.00", "ownerDepartment", "城阳区交通运输局",
                "summary", "双向六车道城市快速路", "documents", List.of(Map.of("title", "可行性研究报告"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("code").asString()).startsWith("XM-");
        return r.json().path("id").asLong();
    }

    protected JsonNode complete(long id, String step, String result) {
        return ok(post("project_officer", "/api/projects/" + id + "/steps/" + step + "/complete", Map.of("text", result)));
    }

    protected JsonNode disclose(long id, String step, String text) {
        return ok(post("project_officer", "/api/projects/" + id + "/steps/" + step + "/disclosure", Map.of("text", text)));
    }

    protected JsonNode detail(long id) {
        return ok(http.get("/api/projects/" + id).bearer(as("project_officer")).send());
    }

    protected JsonNode step(JsonNode detail, String step) {
        for (JsonNode s : detail.path("steps")) {
            if (s.path("step").asString().equals(step)) {
                return s;
            }
        }
        throw new AssertionError("no step " + step + " in " + detail);
    }

    /** Opens the consultation until {@code closesOn}, lets it close (the clock to the next day 09:00) and completes 阳光规划. */
    protected void planned(long id, String closesOn, String nextMorning) {
        ok(post("project_officer", "/api/projects/" + id + "/consultation", Map.of("closesOn", closesOn)));
        clock.set(at(nextMorning));
        complete(id, "PLANNING", "专家评审通过，征求意见已吸收");
    }
}
