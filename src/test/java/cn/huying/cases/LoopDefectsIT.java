package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.Pages;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The defects of issue 24 that confused the people relying on the time-limited service, each as a user meets it. */
class LoopDefectsIT extends CaseSupport {

    @Test
    void a12345EmergencyMustBeContactedNoLaterThanItIsDoneAndIsNotYellowBeforeItArrived() {
        // the taxi lost item, received Mon 2026-12-07 03:53 Beijing time (2026-12-06T19:53Z)
        clock.set(OffsetDateTime.parse("2026-12-07T03:53:00+08:00").toInstant());
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "REQ_LOST_ITEM", "channel", "HOTLINE_12345",
                "urgency", "EMERGENCY", "description", "出租车上遗落一个黑色背包", "lat", p[0], "lng", p[1]))
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        JsonNode limits = get("dispatcher", id).path("timeLimits");
        assertThat(limits.path("dueAt").asString()).isEqualTo("2026-12-07T15:59:59Z");
        assertThat(limits.path("firstContactDueAt").asString()).as("contact not after completion")
                .isEqualTo("2026-12-07T15:59:59Z");
        assertThat(OffsetDateTime.parse(limits.path("yellowAt").asString()).toInstant())
                .as("no light before the case exists").isAfterOrEqualTo(OffsetDateTime.parse(
                        limits.path("receivedAt").asString()).toInstant());
    }

    @Test
    void aMalformedFieldIsNamedInTheProblemDocument() {
        Http.Response r = http.post("/api/cases", "{\"category\":\"LIVE_HEATING\",\"description\":\"漏水\",\"lat\":\"abc\",\"lng\":117.3}")
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).isEqualTo(400);
        JsonNode errors = r.json().path("errors");
        assertThat(errors.isArray()).as(r.toString()).isTrue();
        assertThat(errors.get(0).path("field").asString()).isEqualTo("lat");
        assertThat(r.json().path("detail").asString()).startsWith("lat：");
    }

    @Test
    void theOverviewShowsHowManyCasesAreOverdue() {
        Pages leader = Pages.signIn(http.base(), "leader", DEMO_PASSWORD);
        HttpResponse<String> page = leader.get("/overview");
        assertThat(page.statusCode()).isEqualTo(200);
        long red = Long.parseLong(page.body().replaceAll("(?s).*id=\"total-overdue\">([0-9]+)<.*", "$1"));
        assertThat(red).isGreaterThanOrEqualTo(0);
        assertThat(page.body()).contains("href=\"/ledgers/red\" id=\"tile-overdue\"");
    }

    @Test
    void theSiteHasAnIconAndEveryPageNamesIt() {
        HttpResponse<byte[]> icon = Pages.signIn(http.base(), "dispatcher", DEMO_PASSWORD).bytes("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0); // an ICO file's header
        Http.Response anonymous = http.get("/favicon.ico").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(http.get("/login").send().body()).contains("rel=\"icon\"");
    }

    @Test
    void open311DiscoveryGivesItsChangesetAsAW3cDateTime() {
        String changeset = http.get("/open311/v2/discovery.json").send().json().path("changeset").asString();
        assertThat(OffsetDateTime.parse(changeset)).isEqualTo(OffsetDateTime.parse("2026-11-27T00:00:00+08:00"));
    }

    @Test
    void theIntakeQueueShowsTheLeaderNoButtonTheServerWouldRefuse() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", "楼道暖气片不热 " + System.nanoTime());
        String leaderPage = Pages.signIn(http.base(), "leader", DEMO_PASSWORD).get("/work/TO_REGISTER").body();
        assertThat(leaderPage).as("the leader sees the queue").contains("MS-")
                .as("but no 受理 or 不予受理 button").doesNotContain("id=\"register-").doesNotContain("/act/reject");
        String dispatcherPage = Pages.signIn(http.base(), "dispatcher", DEMO_PASSWORD).get("/work/TO_REGISTER").body();
        assertThat(dispatcherPage).contains("id=\"register-").contains("/act/reject");
        // and what the leader was shown before, the server refuses
        assertThat(tryAct("leader", id, "register", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aMergedCaseGetsTheLeadsAnswerWhenTheLeadCloses() {
        String tag = "井盖缺失 " + System.nanoTime();
        long lead = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", tag);
        long dup = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", tag + " 重复上报");
        act("dispatcher", lead, "register", Map.of());
        act("dispatcher", dup, "merge", Map.of("leadCaseId", lead));
        act("dispatcher", lead, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", lead, "accept", Map.of());
        act("handler", lead, "resolve", Map.of("note", "已补装井盖并设置警示"));
        act("dispatcher", lead, "verify", Map.of());
        act("dispatcher", lead, "close", Map.of());
        assertThat(get("dispatcher", lead).path("reply").asString()).isEqualTo("已补装井盖并设置警示");
        assertThat(get("gumei", dup).path("reply").asString()).as("every reporter gets the answer")
                .isEqualTo("已补装井盖并设置警示");
    }
}
