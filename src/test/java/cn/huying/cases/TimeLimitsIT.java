package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.HuyingApplication;
import cn.huying.cases.internal.DeadlineSweep;
import cn.huying.support.Http;
import cn.huying.support.MutableClock;
import cn.huying.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Time limits end to end over HTTP: deadlines at registration, lights, supervision, extension, return, progress. */
class TimeLimitsIT extends CaseSupport {

    @Autowired
    DeadlineSweep sweep;

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** A public-telephone request (3 working days) received now, registered, dispatched to 物业办 and signed for. */
    private long publicPhoneCaseWithPropertyOffice() {
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "description", "楼道灯坏了一个月没人修", "lat", p[0], "lng", p[1], "reporterPhone", "13600001111"))
                .bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of());
        return id;
    }

    private JsonNode limits(long id) {
        return get("dispatcher", id).path("timeLimits");
    }

    private long historyCount(long id, String action) {
        return count("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = ?", id, action);
    }

    @Test
    void registrationStoresTheDeadlineOfTheRuleVersionTheCaseIsJudgedBy() {
        // Mon 2026-09-21 09:00 + 3 working days (公开电话) = Thu 09-24
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice();
        JsonNode limits = limits(id);
        assertThat(limits.path("dueAt").asString()).isEqualTo("2026-09-24T15:59:59Z");
        assertThat(limits.path("ruleLabel").asString()).startsWith("公开电话");
        int active = http.get("/api/time-limit-rules").bearer(token("admin")).send().json().get(0).path("version").asInt();
        assertThat(limits.path("ruleVersion").asInt()).isEqualTo(active);
        assertThat(limits.path("light").asString()).isEqualTo("GREEN");
        assertThat(count("SELECT COUNT(*) FROM case_file WHERE id = ? AND due_at IS NOT NULL AND next_sla_at IS NOT NULL", id))
                .isEqualTo(1);
    }

    @Test
    void aCaseTurnsYellowThenRedGetsOneSupervisionOrderAcrossARestartAndIsNeverFlaggedTwice() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice(); // due end of Thu 09-24; yellow from Wed 09-23; red from Mon 09-28

        clock.set(at("2026-09-22T10:00:00+08:00"));
        sweep.sweep();
        assertThat(limits(id).path("light").asString()).isEqualTo("GREEN");
        assertThat(historyCount(id, "DEADLINE_YELLOW")).isZero();

        clock.set(at("2026-09-23T08:00:00+08:00"));
        sweep.sweep();
        sweep.sweep();
        assertThat(limits(id).path("light").asString()).isEqualTo("YELLOW");
        assertThat(historyCount(id, "DEADLINE_YELLOW")).isEqualTo(1);
        String handlerToken = token("handler");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/inbox").bearer(handlerToken).send().json().path("items").findValuesAsString("title"))
                .contains("事件即将到期（黄灯）"));

        // the application restarts: a new instance on the same database, at a time past the deadline
        MutableClock later = new MutableClock(ZoneId.of("Asia/Shanghai"));
        later.set(at("2026-09-28T09:00:00+08:00"));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(HuyingApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", later))
                .run("--server.port=0", "--huying.demo=false", "--huying.sla.sweep-initial-delay=1d",
                        "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=" + TestDatabase.username(),
                        "--spring.datasource.password=" + TestDatabase.password(), "--huying.data-dir=target/test-data")) {
            DeadlineSweep afterRestart = restarted.getBean(DeadlineSweep.class);
            DeadlineSweep.Result first = afterRestart.sweep();
            afterRestart.sweep();
            assertThat(count("SELECT COUNT(*) FROM supervision_order WHERE case_id = ?", id))
                    .as("sweep after restart: %s", first)
                    .isEqualTo(1);
            assertThat(historyCount(id, "DEADLINE_RED")).isEqualTo(1);
        }

        // back on the first instance, later still: nothing is flagged again
        clock.set(at("2026-09-30T09:00:00+08:00"));
        sweep.sweep();
        assertThat(count("SELECT COUNT(*) FROM supervision_order WHERE case_id = ?", id)).isEqualTo(1);
        assertThat(historyCount(id, "DEADLINE_YELLOW")).isEqualTo(1);
        assertThat(historyCount(id, "DEADLINE_RED")).isEqualTo(1);
        assertThat(limits(id).path("light").asString()).isEqualTo("RED");

        JsonNode orders = http.get("/api/supervision-orders" + Http.query("size", 200)).bearer(token("leader")).send().json();
        assertThat(ids(orders.path("items")).size()).isGreaterThanOrEqualTo(1);
        assertThat(orders.path("items").findValues("caseId").stream().map(JsonNode::asLong).toList()).contains(id);
        String leaderToken = token("leader");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/inbox").bearer(leaderToken).send().json().path("items").findValuesAsString("title"))
                .contains("督办单：事件已超期，请立即办理"));
        JsonNode red = http.get("/api/ledgers/red" + Http.query("size", 200)).bearer(token("dispatcher")).send().json();
        assertThat(ids(red.path("items"))).contains(id);
    }

    @Test
    void anExtensionAskedBeforeTheDeadlineAndApprovedMovesItAndTheHistorySaysToWhen() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice(); // due end of Thu 09-24
        clock.set(at("2026-09-23T15:00:00+08:00"));
        Http.Response tooMany = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 11, "reason", "配件未到"))
                .bearer(token("handler")).send();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").findValuesAsString("field")).containsExactly("workingDays");

        Http.Response asked = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 3, "reason", "需等待配件到货"))
                .bearer(token("handler")).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        long extension = asked.json().path("id").asLong();
        assertThat(http.get("/api/extensions/pending").bearer(token("leader")).send().json().findValues("id")
                .stream().map(JsonNode::asLong).toList()).contains(extension);
        assertThat(http.post("/api/cases/" + id + "/extensions/" + extension + "/approve", Map.of()).bearer(token("handler"))
                .send().status()).isEqualTo(403);

        Http.Response approved = http.post("/api/cases/" + id + "/extensions/" + extension + "/approve",
                Map.of("note", "同意")).bearer(token("dispatcher")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        // 3 working days after Thu 09-24: Fri 09-25 is 中秋节, so Mon 09-28, Tue 09-29, Wed 09-30
        assertThat(limits(id).path("dueAt").asString()).isEqualTo("2026-09-30T15:59:59Z");
        JsonNode history = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(history.findValuesAsString("note")).anyMatch(n -> n.contains("新的办结时限：2026年9月30日"));

        clock.set(at("2026-10-08T09:00:00+08:00"));
        Http.Response late = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 2, "reason", "再延期"))
                .bearer(token("handler")).send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("届满前");
    }

    @Test
    void extensionsOfOneCaseTogetherStayWithinTenWorkingDays() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice(); // due end of Thu 09-24
        long first = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 8, "reason", "待施工队进场"))
                .bearer(token("handler")).send().json().path("id").asLong();
        assertThat(http.post("/api/cases/" + id + "/extensions/" + first + "/approve", Map.of()).bearer(token("leader"))
                .send().status()).isEqualTo(200);
        Http.Response tooMany = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 3, "reason", "再延期"))
                .bearer(token("handler")).send();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("1 到 2 个工作日");
        assertThat(http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 2, "reason", "再延期"))
                .bearer(token("handler")).send().status()).isEqualTo(201);
    }

    @Test
    void aReturnLaterThanTwoWorkingDaysAfterDispatchIsRefusedWithTheReason() {
        clock.set(at("2026-09-30T10:00:00+08:00"));
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第1单元", "暖气阀门漏水");
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        clock.set(at("2026-10-10T09:00:00+08:00"));
        Http.Response r = tryAct("handler", id, "return", Map.of("note", "不属于物业办职责"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("2 个工作日内").contains("2026年9月30日").contains("2026年10月9日");
        clock.set(at("2026-10-09T17:00:00+08:00"));
        assertThat(tryAct("handler", id, "return", Map.of("note", "不属于物业办职责")).status()).isEqualTo(200);
    }

    @Test
    void anOverdueCaseIsInTheLedgerUntilStagedProgressIsGiven() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice();
        Http.Response early = http.post("/api/cases/" + id + "/progress", Map.of("reason", "x", "nextSteps", "y",
                "promisedDate", "2026-10-09")).bearer(token("handler")).send();
        assertThat(early.status()).isEqualTo(409);

        clock.set(at("2026-09-28T09:00:00+08:00"));
        JsonNode ledger = http.get("/api/ledgers/overdue" + Http.query("size", 200)).bearer(token("dispatcher")).send().json();
        assertThat(ids(ledger.path("items"))).contains(id);
        Http.Response progress = http.post("/api/cases/" + id + "/progress", Map.of("reason", "需更换整条线路",
                "nextSteps", "已联系供电公司，周三施工", "promisedDate", "2026-09-30")).bearer(token("handler")).send();
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        JsonNode row = http.get("/api/ledgers/overdue" + Http.query("size", 200)).bearer(token("handler")).send().json()
                .path("items").valueStream().filter(n -> n.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.path("lastProgressAt").asString()).startsWith("2026-09-28");
        assertThat(row.path("progressDueAt").asString()).isEqualTo("2026-09-30T15:59:59Z");
    }

    @Test
    void aParkedCaseLeavesTheClockAndResumesWithItsDeadlineMovedByTheDaysItStood() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        long id = http.post("/api/cases", Map.of("category", "URBAN_ILLEGAL_BUILD", "channel", "PUBLIC_PHONE",
                "description", "小区内违章搭建", "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send()
                .json().path("id").asLong();
        act("dispatcher", id, "register", Map.of()); // due Thu 09-24
        clock.set(at("2026-09-22T10:00:00+08:00"));
        act("dispatcher", id, "park", Map.of("note", "待规划部门认定"));
        assertThat(limits(id).path("light").asString()).isEqualTo("STOPPED");
        assertThat(ids(http.get("/api/ledgers/problems" + Http.query("size", 200)).bearer(token("dispatcher")).send()
                .json().path("items"))).contains(id);
        clock.set(at("2026-09-24T10:00:00+08:00"));
        act("dispatcher", id, "resume", Map.of());
        // the clock stood on Wed 09-23 and Thu 09-24: due moves 2 working days after Thu 09-24 → Mon 09-28, Tue 09-29
        assertThat(limits(id).path("dueAt").asString()).isEqualTo("2026-09-29T15:59:59Z");
        assertThat(limits(id).path("light").asString()).isIn("GREEN", "YELLOW");
    }

    @Test
    void aNewRuleVersionJudgesNewCasesWhileOldCasesKeepTheirs() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long old = publicPhoneCaseWithPropertyOffice();
        JsonNode versions = http.get("/api/time-limit-rules").bearer(token("admin")).send().json();
        JsonNode current = versions.get(0);
        List<Map<String, Object>> rules = current.path("rules").valueStream().map(r -> {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("channel", r.path("channel").isNull() ? null : r.path("channel").asString());
            m.put("limitKey", r.path("limitKey").isNull() ? null : r.path("limitKey").asString());
            m.put("urgency", r.path("urgency").isNull() ? null : r.path("urgency").asString());
            m.put("firstContactDays", r.path("firstContactDays").isNull() ? null : r.path("firstContactDays").asInt());
            m.put("completionDays", r.path("completionDays").isNull() ? null : r.path("completionDays").asInt());
            m.put("completionHours", r.path("completionHours").isNull() ? null : r.path("completionHours").asInt());
            m.put("label", r.path("label").asString());
            if ("PUBLIC_PHONE".equals(m.get("channel"))) {
                m.put("completionDays", 4);
                m.put("label", "公开电话：4个工作日内办结");
            }
            return m;
        }).toList();
        try {
            Http.Response published = http.post("/api/time-limit-rules", Map.of("note", "公开电话放宽到4个工作日", "rules", rules))
                    .bearer(token("admin")).send();
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            int v2 = published.json().path("version").asInt();
            long fresh = publicPhoneCaseWithPropertyOffice();
            assertThat(limits(fresh).path("ruleVersion").asInt()).isEqualTo(v2);
            assertThat(limits(fresh).path("dueAt").asString()).isEqualTo("2026-09-28T15:59:59Z"); // 09-22, 23, 24, 28
            assertThat(limits(old).path("ruleVersion").asInt()).isEqualTo(current.path("version").asInt());
            assertThat(limits(old).path("dueAt").asString()).isEqualTo("2026-09-24T15:59:59Z");
            assertThat(http.post("/api/time-limit-rules", Map.of("rules", rules)).bearer(token("dispatcher")).send().status())
                    .isEqualTo(403);
        } finally {
            List<Map<String, Object>> original = current.path("rules").valueStream().map(r -> {
                Map<String, Object> m = new java.util.HashMap<>();
                for (String f : List.of("channel", "limitKey", "urgency")) {
                    m.put(f, r.path(f).isNull() ? null : r.path(f).asString());
                }
                for (String f : List.of("firstContactDays", "completionDays", "completionHours")) {
                    m.put(f, r.path(f).isNull() ? null : r.path(f).asInt());
                }
                m.put("label", r.path("label").asString());
                return m;
            }).toList();
            http.post("/api/time-limit-rules", Map.of("note", "恢复默认规则", "rules", original)).bearer(token("admin")).send();
        }
    }

    /** The active version's rules as the API gives them, ready to be sent back. */
    private List<Map<String, Object>> activeRules(JsonNode version) {
        return version.path("rules").valueStream().map(r -> {
            Map<String, Object> m = new java.util.HashMap<>();
            for (String f : List.of("channel", "limitKey", "urgency")) {
                m.put(f, r.path(f).isNull() ? null : r.path(f).asString());
            }
            for (String f : List.of("firstContactDays", "completionDays", "completionHours")) {
                m.put(f, r.path(f).isNull() ? null : r.path(f).asInt());
            }
            m.put("label", r.path("label").asString());
            return m;
        }).toList();
    }

    /**
     * The dispatch limit 派遣时限 on the rules page over HTTP: shown (24 h by default), refused with a Chinese message
     * when it is not a whole number of hours from 1 to 720 (nothing published), published with the rules as a new
     * version whose cases are judged by it (a dispatch 30 h after registration is on time under 36 h), while the
     * earlier version keeps its 24 h.
     */
    @Test
    void theDispatchLimitIsEditedOnTheRulesPageAndVersionedWithTheRules() {
        JsonNode current = http.get("/api/time-limit-rules").bearer(token("admin")).send().json().get(0);
        int before = current.path("version").asInt();
        assertThat(current.path("dispatchHours").asInt()).isEqualTo(24);
        List<Map<String, Object>> original = activeRules(current);
        cn.huying.support.Pages admin = cn.huying.support.Pages.signIn(http.base(), "admin", DEMO_PASSWORD);
        String page = admin.get("/admin/time-limit-rules").body();
        assertThat(page).contains("派遣时限（小时）", "name=\"dispatchHours\"", "value=\"24\"",
                "派遣时限：立案后 24 小时内派遣");
        // the form as the page sends it: every rule of the active version in its rows
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("basedOn", Integer.toString(before));
        form.put("rows", Integer.toString(original.size()));
        for (int i = 0; i < original.size(); i++) {
            for (String f : List.of("channel", "limitKey", "urgency", "firstContactDays", "completionDays",
                    "completionHours", "label")) {
                Object v = original.get(i).get(f);
                form.put("r" + i + "." + f, v == null ? "" : v.toString());
            }
        }
        form.put("note", "派遣时限放宽到36小时");
        try {
            for (String bad : List.of("0", "721", "", "一天")) {
                form.put("dispatchHours", bad);
                java.net.http.HttpResponse<String> refused = admin.submit("/admin/time-limit-rules", form);
                assertThat(refused.statusCode()).as(bad).isEqualTo(200);
                assertThat(refused.body()).as(bad).contains(bad.equals("一天") ? "请填写整数" : "派遣时限须为 1–720 之间的整数小时");
                assertThat(refused.body()).as("the form as typed").contains("value=\"" + bad + "\"");
            }
            assertThat(count("SELECT COUNT(*) FROM time_limit_rule_set WHERE version > ?", before)).isZero();

            form.put("dispatchHours", "36");
            java.net.http.HttpResponse<String> published = admin.submit("/admin/time-limit-rules", form);
            assertThat(published.statusCode()).isEqualTo(302);
            JsonNode versions = http.get("/api/time-limit-rules").bearer(token("admin")).send().json();
            int v2 = versions.get(0).path("version").asInt();
            assertThat(v2).isGreaterThan(before);
            assertThat(versions.get(0).path("dispatchHours").asInt()).isEqualTo(36);
            assertThat(versions.get(0).path("rules").size()).isEqualTo(original.size());
            assertThat(versions.get(1).path("dispatchHours").asInt()).as("the earlier version keeps its limit")
                    .isEqualTo(24);
            page = admin.get("/admin/time-limit-rules").body();
            assertThat(page).contains("value=\"36\"", "派遣时限：立案后 36 小时内派遣", "派遣时限：立案后 24 小时内派遣");

            // a case judged by the new version, dispatched 30 hours after registration: on time under 36 hours
            clock.set(at("2026-09-21T09:00:00+08:00"));
            double[] p = pointIn("凤翔小镇社区第一网格第3单元");
            Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                    "description", "派遣时限：单元门禁损坏", "lat", p[0], "lng", p[1], "reporterPhone", "13600004444"))
                    .bearer(token("dispatcher")).send();
            long id = r.json().path("id").asLong();
            act("dispatcher", id, "register", Map.of());
            clock.set(at("2026-09-22T15:00:00+08:00"));
            act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
            assertThat(limits(id).path("ruleVersion").asInt()).isEqualTo(v2);
            assertThat(jdbc.sql("SELECT dispatched_on_time FROM case_facts_v WHERE id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            clock.reset();
            http.post("/api/time-limit-rules", Map.of("note", "恢复默认规则", "rules", original, "dispatchHours", 24))
                    .bearer(token("admin")).send();
        }
        assertThat(http.get("/api/time-limit-rules").bearer(token("admin")).send().json().get(0)
                .path("dispatchHours").asInt()).isEqualTo(24);
    }

    @Test
    void importingANewYearsNoticeRecomputesTheDeadlinesCountedOnAssumedDays() {
        // 2030 has no notice yet: from Thu 2030-09-26, 3 assumed working days are Fri 09-27, Mon 09-30, Tue 10-01
        clock.set(at("2030-09-26T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice();
        assertThat(limits(id).path("dueAt").asString()).isEqualTo("2030-10-01T15:59:59Z");
        assertThat(limits(id).path("assumed").asBoolean()).isTrue();
        String notice = """
                {"year":2030,"papers":["https://example.gov.cn/2030-notice"],"days":[
                 {"name":"国庆节","date":"2030-09-29","isOffDay":false},
                 {"name":"国庆节","date":"2030-10-01","isOffDay":true},{"name":"国庆节","date":"2030-10-02","isOffDay":true},
                 {"name":"国庆节","date":"2030-10-03","isOffDay":true},{"name":"国庆节","date":"2030-10-04","isOffDay":true},
                 {"name":"国庆节","date":"2030-10-05","isOffDay":true},{"name":"国庆节","date":"2030-10-06","isOffDay":true},
                 {"name":"国庆节","date":"2030-10-07","isOffDay":true}]}""";
        Http.Response imported = http.post("/api/calendar/import", notice).bearer(token("admin")).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("deadlinesRecomputed").asInt()).isGreaterThanOrEqualTo(1);
        // with the notice: Fri 09-27, Sun 09-29 (调休上班), Mon 09-30
        assertThat(limits(id).path("dueAt").asString()).isEqualTo("2030-09-30T15:59:59Z");
        assertThat(limits(id).path("assumed").asBoolean()).isFalse();
        assertThat(historyCount(id, "DEADLINE_RECOMPUTED")).isEqualTo(1);
    }

    @Test
    void firstContactIsRecordedOnceAndShownOnTheCase() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = publicPhoneCaseWithPropertyOffice();
        Http.Response r = http.post("/api/cases/" + id + "/first-contact", Map.of("note", "已电话联系住户")).bearer(token("handler")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("timeLimits").path("firstContactedAt").asString()).startsWith("2026-09-21");
        assertThat(http.post("/api/cases/" + id + "/first-contact", Map.of()).bearer(token("handler")).send().status()).isEqualTo(409);
    }
}
