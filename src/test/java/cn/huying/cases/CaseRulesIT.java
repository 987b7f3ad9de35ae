package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scope, permissions, history, duplicates and merging, the list API. */
class CaseRulesIT extends CaseSupport {

    @Test
    void theInboxMessageIsWrittenWithTheCaseAndTheCitizensTextGoesThroughTheEventPublicationRegistry() {
        // a staff report: the command centre's inbox message is there as soon as the report is answered
        long staff = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第1单元", "楼顶水箱溢水");
        assertThat(count("SELECT COUNT(*) FROM inbox_message m JOIN app_user u ON u.id = m.user_id"
                + " WHERE u.username = 'dispatcher' AND m.case_id = ?", staff)).isEqualTo(1);

        // a citizen's phone call: closing it publishes the text message to the citizen through the registry
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description", "家里暖气不热",
                "lat", p[0], "lng", p[1], "channel", "PUBLIC_PHONE", "reporterName", "孙女士",
                "reporterPhone", "13900002222")).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long citizen = r.json().path("id").asLong();
        long before = count("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CitizenToBeTold'");
        act("dispatcher", citizen, "register", Map.of());
        act("dispatcher", citizen, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        assertThat(count("SELECT COUNT(*) FROM inbox_message m JOIN app_user u ON u.id = m.user_id"
                + " WHERE u.username = 'handler' AND m.case_id = ?", citizen)).isEqualTo(1);
        act("handler", citizen, "accept", Map.of());
        act("handler", citizen, "resolve", Map.of("note", "已排气，暖气恢复"));
        act("dispatcher", citizen, "verify", Map.of());
        act("dispatcher", citizen, "close", Map.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CitizenToBeTold'"))
                    .isEqualTo(before + 1);
            assertThat(count("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CitizenToBeTold'"
                    + " AND completion_date IS NULL")).isZero();
        });
        // staff reports have no citizen to text: closing one publishes nothing to the registry
        act("dispatcher", staff, "register", Map.of());
        act("dispatcher", staff, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", staff, "accept", Map.of());
        act("handler", staff, "resolve", Map.of("note", "水箱浮球阀已更换"));
        act("dispatcher", staff, "verify", Map.of());
        act("dispatcher", staff, "close", Map.of());
        assertThat(count("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CitizenToBeTold'"))
                .isEqualTo(before + 1);
    }

    @Test
    void historyCannotBeChangedOrDeletedEvenBySql() {
        long id = report("gumei", "LIVE_SANITATION", "凤翔小镇社区第一网格第1单元", "路面油污");
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_history SET note = '改写' WHERE case_id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_history WHERE case_id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThat(count("SELECT COUNT(*) FROM case_history WHERE case_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aCaseOutsideTheScopeIsNotFoundInTheListOrById() {
        long zhuozhuang = report("gridworker2", "DISPUTE_NEIGHBOUR", "卓庄村第一网格第3单元", "邻里因排水沟争执");
        assertThat(http.get("/api/cases/" + zhuozhuang).bearer(token("gumei")).send().status()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + zhuozhuang + "/history").bearer(token("gumei")).send().status()).isEqualTo(404);
        JsonNode mine = http.get("/api/cases" + Http.query("size", 200)).bearer(token("gumei")).send().json();
        assertThat(mine.path("items").findValuesAsString("code"))
                .doesNotContain(get("gridworker2", zhuozhuang).path("code").asString());
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE username = 'gumei' AND event_type = 'SCOPE_DENIED' AND target = ?",
                "case:" + zhuozhuang)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHandlerSeesOnlyTheirDepartmentsCases() {
        long ours = dispatchedToPropertyOffice();
        long court = report("gridworker2", "DISPUTE_DAMAGE", "卓庄村第一网格第2单元", "损害赔偿纠纷");
        act("dispatcher", court, "register", Map.of());
        act("dispatcher", court, "dispatch", Map.of("departmentId", departmentId("MS-FT")));
        assertThat(http.get("/api/cases/" + court).bearer(token("handler")).send().status()).isEqualTo(404);
        JsonNode list = http.get("/api/cases" + Http.query("size", 200, "state", "DISPATCHED")).bearer(token("handler")).send().json();
        assertThat(list.path("items").findValuesAsString("departmentName")).isNotEmpty().allMatch("木石镇物业办"::equals);
        assertThat(ids(list.path("items"))).contains(ours).doesNotContain(court);
    }

    @Test
    void anActionTheRoleLacksIsForbiddenAndTheCaseUnchanged() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第1单元", "暖气不热");
        Http.Response r = tryAct("gumei", id, "register", Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(get("gumei", id).path("state").asString()).isEqualTo("REPORTED");
        Http.Response illegal = tryAct("dispatcher", id, "close", Map.of());
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asString()).contains("“已上报”").contains("立案受理");
    }

    @Test
    void theDetailListsOnlyTheActionsThisUserMayTakeNow() {
        long id = dispatchedToPropertyOffice();
        assertThat(get("handler", id).path("allowedActions").findValuesAsString("allowedActions")).isEmpty();
        // the department may transfer a suspected offence it was given (issue 24); it does not register or dispatch
        assertThat(get("handler", id).path("allowedActions").toString()).contains("ACCEPT").contains("RETURN")
                .contains("TRANSFER").doesNotContain("DISPATCH");
        assertThat(get("dispatcher", id).path("allowedActions").toString()).contains("TRANSFER").doesNotContain("ACCEPT");
    }

    @Test
    void aNearbyReportOfTheSameKindIsOfferedAsDuplicateAndMergedCasesFollowTheLead() {
        long lead = report("gumei", "LIVE_WATER_POWER", "凤翔小镇社区第一网格第2单元", "小区停水一天了");
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response second = http.post("/api/cases", Map.of("category", "LIVE_WATER_POWER", "description", "小区停水了",
                "lat", p[0] + 0.0003, "lng", p[1], "channel", "PUBLIC_PHONE", "reporterName", "钱先生",
                "reporterPhone", "13900001111")).bearer(token("dispatcher")).send();
        assertThat(second.status()).isEqualTo(201);
        JsonNode candidates = second.json().path("candidates");
        assertThat(ids(candidates)).contains(lead);
        assertThat(second.json().path("candidateCount").asInt()).isEqualTo(candidates.size());
        JsonNode candidate = candidates.get(0);
        assertThat(candidate.path("distanceMeters").asLong()).isBetween(20L, 60L);
        assertThat(candidate.path("textSimilarity").asDouble()).isGreaterThan(0.3);
        long dup = second.json().path("id").asLong();
        assertThat(ids(http.get("/api/cases/" + dup + "/duplicates").bearer(token("dispatcher")).send().json()))
                .contains(lead);

        act("dispatcher", lead, "register", Map.of());
        long leadVersion = get("dispatcher", lead).path("version").asLong();
        act("dispatcher", dup, "merge", Map.of("leadCaseId", lead));
        assertThat(get("dispatcher", dup).path("state").asString()).isEqualTo("MERGED");
        // the lead changed too (it now has a merged case): a form still holding its old version is refused
        assertThat(get("dispatcher", lead).path("version").asLong()).isEqualTo(leadVersion + 1);
        assertThat(http.post("/api/cases/" + lead + "/dispatch", Map.of("version", leadVersion,
                "departmentId", departmentId("MS-ZZB"))).bearer(token("dispatcher")).send().status()).isEqualTo(409);
        act("dispatcher", lead, "dispatch", Map.of("departmentId", departmentId("MS-ZZB")));
        act("handler-ms-zzb", lead, "accept", Map.of());
        act("handler-ms-zzb", lead, "resolve", Map.of("note", "供水管网抢修完毕，已恢复供水"));
        act("dispatcher", lead, "verify", Map.of());
        act("dispatcher", lead, "close", Map.of());
        JsonNode dupHistory = http.get("/api/cases/" + dup + "/history").bearer(token("dispatcher")).send().json();
        JsonNode last = dupHistory.get(dupHistory.size() - 1);
        assertThat(last.path("actionLabel").asString()).isEqualTo("随主件办结");
        assertThat(last.path("note").asString()).contains("已恢复供水");
    }

    @Test
    void aCaseLeavesTheDuplicateCandidatesWhenMergedOrClosedAndComesBackWhenReopened() {
        String unit = "凤翔小镇社区第一网格第3单元";
        long lead = report("gumei", "LIVE_WATER_POWER", unit, "3单元楼道水管爆裂");
        long dup = report("gumei", "LIVE_WATER_POWER", unit, "3单元水管爆了");
        assertThat(offeredNear(unit)).contains(lead, dup);

        act("dispatcher", lead, "register", Map.of());
        act("dispatcher", dup, "merge", Map.of("leadCaseId", lead));
        assertThat(offeredNear(unit)).as("a merged case is no longer open").contains(lead).doesNotContain(dup);

        act("dispatcher", lead, "dispatch", Map.of("departmentId", departmentId("MS-ZZB")));
        act("handler-ms-zzb", lead, "accept", Map.of());
        act("handler-ms-zzb", lead, "resolve", Map.of("note", "已更换水管"));
        act("dispatcher", lead, "verify", Map.of());
        act("dispatcher", lead, "close", Map.of());
        assertThat(offeredNear(unit)).as("a closed case is no longer open").doesNotContain(lead, dup);

        act("dispatcher", lead, "revisit", Map.of("satisfaction", "UNSATISFIED", "note", "还在漏水"));
        assertThat(get("dispatcher", lead).path("state").asString()).isEqualTo("REOPENED");
        assertThat(offeredNear(unit)).as("reopened (重办), it is open again").contains(lead).doesNotContain(dup);
    }

    /** The duplicate candidates the dispatcher is offered for a new report of the same kind in {@code unit}. */
    private List<Long> offeredNear(String unit) {
        double[] p = pointIn(unit);
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_WATER_POWER", "description", "水管漏水",
                "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return duplicatesOf(r.json().path("id").asLong(), "dispatcher");
    }

    /** The whole list of duplicate candidates of a case, as {@code user} sees it. */
    private List<Long> duplicatesOf(long id, String user) {
        Http.Response r = http.get("/api/cases/" + id + "/duplicates").bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return ids(r.json());
    }

    @Test
    void duplicateCandidatesAreOnlyCasesTheReporterMaySeeEvenBehindFiftyNewerOnes() {
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Map<String, Object> report = Map.of("category", "REQ_SUGGEST", "description", "建议在小区门口增设路灯",
                "lat", p[0], "lng", p[1]);
        long own = http.post("/api/cases", report).bearer(token("citizen")).send().json().path("id").asLong();
        // fifty newer reports of the same kind at the same spot, by the grid worker: not the citizen's to see
        List<Long> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Http.Response r = http.post("/api/cases", report).bearer(token("gumei")).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            workers.add(r.json().path("id").asLong());
        }
        Http.Response again = http.post("/api/cases", report).bearer(token("citizen")).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(ids(again.json().path("candidates"))).as("the citizen is offered only their own earlier report")
                .containsExactly(own);
        assertThat(again.json().path("candidateCount").asInt()).isEqualTo(1);
        assertThat(duplicatesOf(again.json().path("id").asLong(), "citizen")).containsExactly(own);

        // the dispatcher sees the whole town: the fifty newest of them
        Http.Response dispatcher = http.post("/api/cases", report).bearer(token("dispatcher")).send();
        List<Long> newest = new java.util.ArrayList<>(workers.subList(1, 50));
        newest.add(again.json().path("id").asLong());
        // the answer to the report carries five of them, the nearest (all are at the same spot), and the count
        assertThat(dispatcher.json().path("candidateCount").asInt()).isEqualTo(50);
        List<Long> shown = ids(dispatcher.json().path("candidates"));
        assertThat(shown).hasSize(5).doesNotHaveDuplicates();
        assertThat(newest).containsAll(shown);
        // the case's list has all fifty
        List<Long> offered = duplicatesOf(dispatcher.json().path("id").asLong(), "dispatcher");
        assertThat(offered).hasSize(50).doesNotContain(own).containsExactlyInAnyOrderElementsOf(newest);
    }

    @Test
    void anOpenCaseOlderThanTheWindowIsNoDuplicateThoughItIsTheNearest() {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        // about 33 m north of p
        double[] north = {p[0] + 0.0003, p[1]};
        Map<String, Object> atP = Map.of("category", "SAFETY_FIRE", "description", "楼道堆放杂物，存在消防隐患",
                "lat", p[0], "lng", p[1]);
        Map<String, Object> atNorth = Map.of("category", "SAFETY_FIRE", "description", "楼道堆放杂物，存在消防隐患",
                "lat", north[0], "lng", north[1]);
        java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
        clock.set(start);
        long old = http.post("/api/cases", atP).bearer(token("gumei")).send().json().path("id").asLong();

        // eight days later (the window is seven): fifty newer reports a little farther away
        clock.set(start.plus(java.time.Duration.ofDays(8)));
        String worker = token("gumei");
        List<Long> newer = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Http.Response r = http.post("/api/cases", atNorth).bearer(worker).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            newer.add(r.json().path("id").asLong());
        }
        Http.Response r = http.post("/api/cases", atP).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("candidateCount").asInt()).isEqualTo(50);
        assertThat(duplicatesOf(r.json().path("id").asLong(), "dispatcher"))
                .as("the nearest open case is older than the window")
                .doesNotContain(old).containsExactlyInAnyOrderElementsOf(newer);
    }

    @Test
    void theNewestFiftyAreFoundOnBothSidesOfALatitudeBandOfTheDuplicateIndex() {
        // 35.004° is a boundary of the latitude bands the duplicate search reads (floor(lat * 250), V19_0):
        // reports 11 m north and 11 m south of it, both in 第2单元, taken in turns
        double lng = pointIn("凤翔小镇社区第一网格第2单元")[1];
        Map<String, Object> north = Map.of("category", "URBAN_ROAD_TRAVEL", "description", "路面塌陷，车辆绕行",
                "lat", 35.0041, "lng", lng);
        Map<String, Object> south = Map.of("category", "URBAN_ROAD_TRAVEL", "description", "路面塌陷，车辆绕行",
                "lat", 35.0039, "lng", lng);
        String worker = token("gumei");
        List<Long> reported = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Http.Response r = http.post("/api/cases", i % 2 == 0 ? north : south).bearer(worker).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            reported.add(r.json().path("id").asLong());
        }
        Http.Response r = http.post("/api/cases", south).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("candidateCount").asInt()).isEqualTo(50);
        // the answer carries the five nearest of the fifty: reports from this very spot, not those 22 m north
        assertThat(r.json().path("candidates")).hasSize(5);
        for (JsonNode shown : r.json().path("candidates")) {
            assertThat(shown.path("distanceMeters").asLong()).isZero();
            assertThat(shown.path("textSimilarity").asDouble()).isEqualTo(1.0);
        }
        assertThat(duplicatesOf(r.json().path("id").asLong(), "dispatcher"))
                .as("the fifty newest, from both sides of the band's boundary")
                .containsExactlyInAnyOrderElementsOf(reported.subList(10, 60));
        assertThat(duplicatesOf(reported.get(59), "dispatcher")).as("seen from the north side too")
                .contains(reported.get(58), r.json().path("id").asLong());
    }

    @Test
    void theListFiltersPaginatesAndCounts() {
        for (int i = 0; i < 3; i++) {
            report("gumei", "URBAN_STREET_VENDOR", "凤翔小镇社区第一网格第1单元", "占道经营第" + i + "处");
        }
        // the search index takes new cases within a second or so
        JsonNode page = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> http.get("/api/cases" + Http.query("q", "占道经营第", "size", 2, "page", 0))
                        .bearer(token("dispatcher")).send().json(), p -> p.path("total").asLong() >= 3);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("totalExact").asBoolean()).as("a total under the cap is exact").isTrue();
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("createdAt").asString())
                .isGreaterThanOrEqualTo(page.path("items").get(1).path("createdAt").asString());
        Http.Response bad = http.get("/api/cases" + Http.query("state", "NOPE")).bearer(token("dispatcher")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("state");
        JsonNode byCode = http.get("/api/cases/by-code/" + page.path("items").get(0).path("code").asString())
                .bearer(token("dispatcher")).send().json();
        assertThat(byCode.path("id").asLong()).isEqualTo(page.path("items").get(0).path("id").asLong());
    }

    @Test
    void aGridWorkerSettlesASmallMatterOnTheSpot() {
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "楼道杂物堆放",
                "lat", p[0], "lng", p[1], "resolvedOnSpot", true, "onSpotReply", "已协调住户清理")).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(r.json().path("detail").path("resolvedTier").asString()).isEqualTo("GRID");
        JsonNode history = http.get("/api/cases/" + r.json().path("id").asLong() + "/history").bearer(token("gumei"))
                .send().json();
        assertThat(history.findValuesAsString("toState")).as("reported, then settled, in that order")
                .containsExactly("REPORTED", "RESOLVED");
        assertThat(history.get(1).path("note").asString()).isEqualTo("已协调住户清理");
    }

    @Test
    void deletingARegionThatStillHasCasesIsRefused() {
        long town = regionId("370481");
        long newTown = http.post("/api/regions", Map.of("code", "T" + System.nanoTime(), "name", "测试镇", "type", "TOWN",
                "parentId", town, "boundary", Http.JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[110.0,30.0],[110.01,30.0],[110.01,30.01],[110.0,30.01],[110.0,30.0]]]}")))
                .bearer(token("admin")).send().json().path("id").asLong();
        Http.Response c = http.post("/api/cases", Map.of("category", "REQ_HELP", "description", "求助",
                "regionId", newTown, "channel", "PUBLIC_PHONE", "reporterPhone", "13700001234")).bearer(token("hotline")).send();
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        Http.Response del = http.delete("/api/regions/" + newTown).bearer(token("admin")).send();
        assertThat(del.status()).isEqualTo(409);
        assertThat(del.json().path("detail").asString()).contains("件事件");
    }
}
