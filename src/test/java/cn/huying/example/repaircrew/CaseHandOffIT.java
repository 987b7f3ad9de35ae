package cn.huying.example.repaircrew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.cases.CaseHandOff;
import cn.huying.cases.internal.DeadlineSweep;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The case hand-off shown with a claiming module of the test sources ({@link RepairCrew}): claim, the clock standing
 * still while people may only look, contact and report progress, the module's progress and outcome, and a decline.
 */
class CaseHandOffIT extends IntegrationTest {

    @Autowired
    RepairCrew crew;

    @Autowired
    CaseHandOff handOff;

    @Autowired
    DeadlineSweep sweep;

    private static Instant at(String t) {
        return OffsetDateTime.parse(t).toInstant();
    }

    /** A heating case reported by the grid worker 顾梅 and registered by the command centre. */
    private long registeredCase(String description) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description", description,
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        return id;
    }

    private JsonNode view(long id) {
        return http.get("/api/cases/" + id).bearer(token("dispatcher")).send().json();
    }

    private long history(long id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = ?").params(id, action)
                .query(Long.class).single();
    }

    @Test
    void aClaimedCaseStandsOffTheClockTakesOnlyContactAndProgressAndIsResolvedByTheModule() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = registeredCase("暖气片不热，维修队上门");
        String due = view(id).path("timeLimits").path("dueAt").asString();
        CurrentUser dispatcher = currentUser("dispatcher");
        String order = crew.take(id, dispatcher);

        JsonNode c = view(id);
        assertThat(c.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(c.path("timeLimits").path("light").asString()).isEqualTo("STOPPED");
        assertThat(c.path("allowedActions").size()).isZero();
        assertThat(handOff.openClaim(id)).get().satisfies(k -> {
            assertThat(k.module()).isEqualTo(RepairCrew.MODULE);
            assertThat(k.reference()).isEqualTo(order);
            assertThat(k.organisation()).isEqualTo("志愿维修队");
        });
        assertThat(history(id, "DISPATCH")).isEqualTo(1);
        assertThat(history(id, "ACCEPT")).isEqualTo(1);
        assertThat(history(id, "HANDOFF_CLAIM")).isEqualTo(1);

        // people: other actions refused with the reason; first contact still allowed
        Http.Response park = tryAct("dispatcher", id, "park", Map.of("note", "暂缓"));
        assertThat(park.status()).isEqualTo(409);
        assertThat(park.json().path("detail").asString()).contains("该事件正由调解组织办理").contains("志愿维修队");
        Http.Response resolveByHand = tryAct("dispatcher", id, "transfer", Map.of("note", "移送"));
        assertThat(resolveByHand.status()).isEqualTo(409);
        Http.Response contact = http.post("/api/cases/" + id + "/first-contact",
                Map.of("version", view(id).path("version").asLong(), "note", "已电话联系")).bearer(token("dispatcher")).send();
        assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
        assertThatThrownBy(() -> crew.take(id, dispatcher)).isInstanceOf(DomainException.class)
                .hasMessageContaining("already-claimed");
        // the department's work queue lists it without a button the server would refuse
        String dept = jdbc.sql("SELECT code FROM department WHERE id = ?").param(c.path("departmentId").asLong())
                .query(String.class).single();
        String handler = dept.equals("MS-WYB") ? "handler" : "handler-" + dept.toLowerCase(java.util.Locale.ROOT);
        String queue = cn.huying.support.Pages.signIn(http.base(), handler, DEMO_PASSWORD).get("/work/TO_HANDLE").body();
        assertThat(queue).contains("id=\"case-" + id + "\"").doesNotContain("/cases/" + id + "/act/");

        // well past the deadline: the sweep gives no light and no supervision order while claimed
        clock.set(at("2026-10-20T09:00:00+08:00"));
        sweep.sweep();
        assertThat(history(id, "DEADLINE_YELLOW") + history(id, "DEADLINE_RED")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_order WHERE case_id = ?").param(id).query(Long.class)
                .single()).isZero();

        crew.report(id, "已订购配件，预计三天后更换", dispatcher);
        assertThat(history(id, "HANDOFF_PROGRESS")).isEqualTo(1);

        JsonNode resolved = objectOf(crew.finish(id, "已更换暖气片，试水正常", dispatcher));
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("reply").asString()).isEqualTo("已更换暖气片，试水正常");
        assertThat(handOff.openClaim(id)).isEmpty();
        assertThat(view(id).path("timeLimits").path("dueAt").asString()).isNotEqualTo(due);
        // then the command centre verifies and closes as usual
        act("dispatcher", id, "verify", Map.of());
        assertThat(act("dispatcher", id, "close", Map.of()).path("state").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT outcome FROM case_claim WHERE case_id = ?").param(id).query(String.class).single())
                .isEqualTo("RESOLVED");
    }

    @Test
    void aDeclineHandsTheCaseBackToTheDispatcherAndAFinishedCaseCannotBeClaimed() {
        long id = registeredCase("楼顶水箱漏水，维修队看看");
        CurrentUser dispatcher = currentUser("dispatcher");
        crew.take(id, dispatcher);
        JsonNode back = objectOf(crew.giveBack(id, "需要专业资质，维修队无法承接", dispatcher));
        assertThat(back.path("state").asString()).isEqualTo("RETURNED");
        assertThat(view(id).path("timeLimits").path("light").asString()).isNotEqualTo("STOPPED");
        assertThat(history(id, "HANDOFF_DECLINE")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT note FROM case_history WHERE case_id = ? AND action = 'RETURN'").param(id)
                .query(String.class).single()).contains("需要专业资质");
        // the dispatcher takes it on as usual
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        assertThat(view(id).path("state").asString()).isEqualTo("DISPATCHED");

        long closed = registeredCase("已处理完的事件");
        act("dispatcher", closed, "reject", Map.of("note", "不属于受理范围"));
        assertThatThrownBy(() -> crew.take(closed, dispatcher)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not-open");
        assertThatThrownBy(() -> crew.report(closed, "进展", dispatcher)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not-claimed");
    }

    @Test
    void aHotlineDeadlineKeepsRunningWhileTheCaseIsClaimed() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "description", "12345 转来：楼道漏水", "lat", p[0], "lng", p[1], "reporterPhone", "13600003333",
                "externalDueAt", "2026-09-29T17:00:00+08:00")).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        crew.take(id, currentUser("dispatcher"));
        JsonNode limits = view(id).path("timeLimits");
        assertThat(limits.path("light").asString()).isEqualTo("GREEN");
        assertThat(limits.path("dueAt").asString()).isEqualTo("2026-09-29T09:00:00Z");

        clock.set(at("2026-09-30T09:00:00+08:00"));
        sweep.sweep();
        assertThat(view(id).path("timeLimits").path("light").asString()).isEqualTo("RED");
        assertThat(history(id, "DEADLINE_RED")).isEqualTo(1);
    }

    private static JsonNode objectOf(Object view) {
        return Http.JSON.valueToTree(view);
    }
}
