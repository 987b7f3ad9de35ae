package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22: {@code GET /api/cases/{id}/history} showed a citizen the internal notes and the names of staff that the
 * portal hides. One rule ({@link HistoryView#asSeenByCitizen()}) for the API and the portal.
 */
class CitizenHistoryIT extends CaseSupport {

    @Test
    void aCitizenSeesWhatHappenedButNotWhoWroteWhat() {
        long id = report("citizen", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", "家里暖气不热");
        act("dispatcher", id, "register", Map.of("note", "内部备注：此人多次投诉"));
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB"), "note", "内部：请物业优先"));

        JsonNode staff = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(staff.findValuesAsString("note")).contains("内部备注：此人多次投诉");
        assertThat(staff.findValuesAsString("actorName")).contains("张敏");

        JsonNode citizen = http.get("/api/cases/" + id + "/history").bearer(token("citizen")).send().json();
        assertThat(citizen.size()).isEqualTo(staff.size());
        String text = citizen.toString();
        assertThat(text).doesNotContain("内部", "张敏", "DISPATCHER");
        assertThat(citizen.findValuesAsString("action")).contains("REPORT", "REGISTER", "DISPATCH");
        JsonNode sent = null;
        for (JsonNode h : citizen) {
            if ("DISPATCH".equals(h.path("action").asString())) {
                sent = h;
            }
        }
        assertThat(sent).isNotNull();
        assertThat(sent.path("departmentName").asString()).contains("物业办");
    }
}
