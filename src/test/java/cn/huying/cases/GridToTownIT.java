package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24, defect 4: a grid worker reports straight to the town (越级直报). The 卓庄村 grid worker's fight report,
 * in a category settled at the grid, lands in the town command centre's intake with the path GRID → TOWN kept.
 */
class GridToTownIT extends CaseSupport {

    @Test
    void aGridWorkerSendsAMatterBeyondTheVillageStraightToTheTownCommandCentre() {
        double[] p = pointIn("卓庄村第一网格第1单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "DISPUTE_DAMAGE",
                "description", "两户因清理树木发生争执并动手，一人受伤，村里调解不下来", "lat", p[0], "lng", p[1],
                "toTown", true)).bearer(token("gridworker2")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();

        JsonNode c = get("dispatcher", id);
        assertThat(c.path("tier").asString()).isEqualTo("TOWN");
        assertThat(c.path("state").asString()).isEqualTo("REPORTED");
        assertThat(c.path("tierPath").get(0).asString()).isEqualTo("GRID");
        assertThat(c.path("tierPath").get(1).asString()).isEqualTo("TOWN");
        assertThat(c.path("allowedActions").toString()).contains("REGISTER");
        JsonNode history = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(history.findValuesAsString("action")).containsSubsequence("REPORT", "SKIP_TO_TOWN");
        assertThat(history.toString()).contains("超出村级处置能力");
        // in the command centre's intake queue (REPORTED at the town), not in the village's
        long village = jdbc.sql("SELECT id FROM region WHERE name = '卓庄村'").query(Long.class).single();
        JsonNode queue = http.get("/api/cases?state=REPORTED&tier=TOWN&size=100&regionId=" + village)
                .bearer(token("dispatcher")).send().json();
        assertThat(ids(queue.path("items"))).contains(id);
        act("dispatcher", id, "register", Map.of());

        // without the choice the same category stays at the grid
        Http.Response plain = http.post("/api/cases", Map.of("category", "DISPUTE_DAMAGE",
                "description", "邻居口角，网格员当场劝和", "lat", p[0], "lng", p[1])).bearer(token("gridworker2")).send();
        assertThat(plain.json().path("tier").asString()).isEqualTo("GRID");
    }
}
