package cn.huying.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's grid work over real HTTP: 顾梅 on patrol finds the leaking heating pipe at building 11 of 凤翔小镇社区
 * and turns the finding into a case in one step (the case names the house; a resend is not doubled); she logs a
 * visit to a care-tagged elderly resident of her grid, who leaves the due list; the burden rules hold.
 */
class PatrolIT extends IntegrationTest {

    private long houseAt(String user, String address) {
        JsonNode houses = http.get("/api/residents/houses" + Http.query("q", address)).bearer(token(user)).send().json();
        assertThat(houses.path("total").asLong()).as(address).isGreaterThanOrEqualTo(1);
        return houses.path("items").get(0).path("id").asLong();
    }

    @Test
    void theLeakingHeatingPipeFoundOnPatrolBecomesACaseNamingTheHouseInOneStep() {
        long house = houseAt("gumei", "凤翔小镇社区11号楼1单元101室");
        String finding = "凤翔小镇社区11号楼1单元楼道热力管道漏水，地面积水（巡查发现 " + UUID.randomUUID() + "）";
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("shift", "MORNING", "finding", finding, "houseId", house, "toCase", true,
                "category", "LIVE_HEATING");
        Http.Response first = http.post("/api/patrol/patrols", body).bearer(token("gumei")).header("Idempotency-Key", key)
                .send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long patrol = first.json().path("id").asLong();
        long caseId = first.json().path("caseId").asLong();
        assertThat(first.json().path("caseCode").asString()).matches("MS-\\d{8}-\\d{4}");
        assertThat(first.json().path("houseAddress").asString()).isEqualTo("凤翔小镇社区11号楼1单元101室");
        assertThat(first.json().path("regionName").asString()).startsWith("凤翔小镇社区第一网格");

        // the phone sends it again when the signal returns: the same patrol, no second case
        Http.Response again = http.post("/api/patrol/patrols", body).bearer(token("gumei")).header("Idempotency-Key", key)
                .send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(patrol);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(finding).query(Long.class)
                .single()).isEqualTo(1);

        // nothing typed twice: the case is the finding, in the house's grid, with the house's address
        JsonNode c = http.get("/api/cases/" + caseId).bearer(token("gumei")).send().json();
        assertThat(c.path("description").asString()).isEqualTo(finding);
        assertThat(c.path("address").asString()).isEqualTo("凤翔小镇社区11号楼1单元101室");
        assertThat(c.path("categoryName").asString()).isEqualTo("供暖管道维修");
        assertThat(c.path("channel").asString()).isEqualTo("GRID_REPORT");
        // the case names the house: kept by the registry, shown on the house through the cases API
        JsonNode onHouse = http.get("/api/residents/houses/" + house + "/cases").bearer(token("gumei")).send().json();
        assertThat(onHouse.toString()).contains("\"id\":" + caseId).contains(c.path("code").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) LIKE 'case%'"
                + " AND LOWER(column_name) LIKE '%house%'").query(Long.class).single()).isZero();
        // the command centre sees it on the house too
        assertThat(http.get("/api/residents/houses/" + house + "/cases").bearer(token("dispatcher")).send().body())
                .contains(c.path("code").asString());
        // a second turn of the same finding into a case is refused
        assertThat(http.post("/api/patrol/patrols/" + patrol + "/case", Map.of("category", "LIVE_HEATING"))
                .bearer(token("gumei")).send().status()).isEqualTo(409);
    }

    @Test
    void aFindingRecordedEarlierBecomesACaseLaterOnceAndABadCategoryStoresNothing() {
        String finding = "小区东门路灯不亮 " + UUID.randomUUID();
        Http.Response bad = http.post("/api/patrol/patrols", Map.of("finding", finding, "toCase", true, "category",
                "NO_SUCH_CATEGORY")).bearer(token("gumei")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol WHERE finding = ?").param(finding).query(Long.class).single())
                .as("nothing half-written").isZero();
        Http.Response p = http.post("/api/patrol/patrols", Map.of("shift", "AFTERNOON", "finding", finding))
                .bearer(token("gumei")).send();
        assertThat(p.status()).isEqualTo(201);
        assertThat(p.json().path("caseId").isNull() || p.json().path("caseId").isMissingNode()).isTrue();
        long id = p.json().path("id").asLong();
        assertThat(http.post("/api/patrol/patrols/" + id + "/case", Map.of("category", "LIVE_HEATING"))
                .bearer(token("gridworker2")).send().status()).as("another grid's worker").isEqualTo(404);
        JsonNode done = http.post("/api/patrol/patrols/" + id + "/case", Map.of("category", "LIVE_HEATING"))
                .bearer(token("gumei")).send().json();
        assertThat(done.path("caseCode").asString()).matches("MS-\\d{8}-\\d{4}");
    }

    @Test
    void sheLogsAVisitToACareTaggedElderlyResidentWhoThenLeavesTheDueList() {
        JsonNode due = http.get("/api/patrol/due-visits").bearer(token("gumei")).send().json();
        JsonNode elderly = null;
        for (JsonNode d : due) {
            if (d.path("tagNames").toString().contains("独居老人")) {
                elderly = d;
                break;
            }
        }
        assertThat(elderly).as("an 独居老人 of her grid is due a visit: " + due).isNotNull();
        assertThat(elderly.path("address").asString()).startsWith("凤翔小镇社区");
        assertThat(elderly.path("intervalDays").asInt()).isEqualTo(30);
        long person = elderly.path("personId").asLong();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("personId", person, "note", "身体尚好，叮嘱注意取暖安全");
        Http.Response v = http.post("/api/patrol/visits", body).bearer(token("gumei")).header("Idempotency-Key", key).send();
        assertThat(v.status()).as(v.toString()).isEqualTo(201);
        assertThat(v.json().path("personName").asString()).isEqualTo(elderly.path("name").asString());
        assertThat(http.post("/api/patrol/visits", body).bearer(token("gumei")).header("Idempotency-Key", key).send()
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol_visit WHERE idempotency_key = ?").param(key).query(Long.class)
                .single()).isEqualTo(1);
        JsonNode after = http.get("/api/patrol/due-visits").bearer(token("gumei")).send().json();
        assertThat(after.toString()).doesNotContain("\"personId\":" + person + ",");
        JsonNode later = http.get("/api/patrol/due-visits?ahead=31").bearer(token("gumei")).send().json();
        assertThat(later.toString()).contains("\"personId\":" + person + ",");

        // a resident of another grid cannot be visited from hers
        long theirs = http.get("/api/residents/persons?size=1").bearer(token("cadre")).send().json().path("items").get(0)
                .path("id").asLong();
        assertThat(http.post("/api/patrol/visits", Map.of("personId", theirs)).bearer(token("gumei")).send().status())
                .isEqualTo(404);
    }

    @Test
    void burdenRulesNoClockInNoTrackingNoForcedPhotoOrGpsNoRankingOfPeople() {
        // a patrol with nothing but its shift is recorded: no photo, no location asked
        Http.Response bare = http.post("/api/patrol/patrols", Map.of("shift", "MORNING")).bearer(token("gumei")).send();
        assertThat(bare.status()).as(bare.toString()).isEqualTo(201);
        // no clock-in, online-time, location-track or photo columns in grid work's tables
        List<String> columns = jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name)"
                + " IN ('patrol', 'patrol_visit')").query(String.class).list();
        assertThat(columns).contains("finding", "shift").noneMatch(col -> col.matches(
                ".*(lat|lng|gps|track|photo|clock|online|duration|login|check_in|checkin).*"));
        // the tally counts per grid, never per person
        Http.Response tally = http.get("/api/patrol/tally").bearer(token("dispatcher")).send();
        assertThat(tally.status()).isEqualTo(200);
        assertThat(tally.json().size()).isGreaterThan(0);
        assertThat(tally.body()).doesNotContain("顾梅").doesNotContain("worker");
        // the town sets the rule; a grid worker cannot
        assertThat(http.put("/api/patrol/visit-rules/ALONE_ELDERLY", Map.of("intervalDays", 20)).bearer(token("gumei"))
                .send().status()).isEqualTo(403);
        JsonNode rule = http.put("/api/patrol/visit-rules/VETERAN", Map.of("intervalDays", 90)).bearer(token("dispatcher"))
                .send().json();
        assertThat(rule.path("tagName").asString()).isEqualTo("退役军人");
        assertThat(rule.path("intervalDays").asInt()).isEqualTo(90);
    }

    @Test
    void partyGroupsAreBoundToGridsWithTheirMembersAndTheCasesHandledCounted() {
        JsonNode town = http.get("/api/patrol/party").bearer(token("dispatcher")).send().json();
        Map<String, Integer> levels = new HashMap<>();
        town.forEach(o -> levels.merge(o.path("levelLabel").asString(), 1, Integer::sum));
        assertThat(levels).containsEntry("镇党委", 1).containsEntry("党总支", 3).containsEntry("村党支部", 15)
                .containsEntry("网格党小组", 45);
        JsonNode mine = http.get("/api/patrol/party").bearer(token("gumei")).send().json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("name").asString()).isEqualTo("凤翔小镇社区第一网格党小组");
        assertThat(mine.get(0).path("members").size()).isEqualTo(2);
        assertThat(mine.get(0).path("casesHandled").isNumber()).isTrue();
    }
}
