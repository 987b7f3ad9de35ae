package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22: the hotline's API key read every case of the county (grid reports, internal history, photos). An
 * integration's key sees the cases it filed itself, and of those what the citizen sees.
 */
class IntegrationKeyScopeIT extends ChannelsSupport {

    @Test
    void theHotlineKeySeesItsOwnOrdersOnly() {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response grid = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "网格员上报：垃圾堆放",
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(grid.status()).isEqualTo(201);
        long gridCase = grid.json().path("id").asLong();

        String no = "12345-" + UUID.randomUUID().toString().substring(0, 13);
        Map<String, Object> order = new HashMap<>(Map.of("orderNo", no, "category", "供暖", "channelType", "热线转办",
                "citizenName", "赵秀英", "citizenPhone", "13912345678", "content", "来电反映11号楼暖气不热",
                "address", "凤翔小镇社区11号楼", "regionCode", TOWN));
        Http.Response sent = http.post("/api/hotline/orders", order).header("X-API-Key", hotlineKey()).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        long ownCase = sent.json().path("caseId").asLong();
        act("dispatcher", ownCase, "register", Map.of("note", "内部备注：老用户，注意态度"));
        try {
            String key = hotlineKey();
            assertThat(http.get("/api/cases/" + gridCase).header("X-API-Key", key).send().status()).isEqualTo(404);
            assertThat(http.get("/api/cases/" + gridCase + "/history").header("X-API-Key", key).send().status())
                    .isEqualTo(404);
            long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'hotline'").query(Long.class).single();
            JsonNode list = http.get("/api/cases?size=200").header("X-API-Key", key).send().json();
            assertThat(list.path("items").size()).isPositive();
            for (JsonNode item : list.path("items")) {
                assertThat(jdbc.sql("SELECT created_by FROM case_file WHERE id = ?").param(item.path("id").asLong())
                        .query(Long.class).single()).as("listed case " + item.path("code").asString()).isEqualTo(hotline);
            }

            assertThat(http.get("/api/hotline/orders/" + no).header("X-API-Key", key).send().status()).isEqualTo(200);
            assertThat(http.get("/api/cases/" + ownCase).header("X-API-Key", key).send().status()).isEqualTo(200);
            String history = http.get("/api/cases/" + ownCase + "/history").header("X-API-Key", key).send().body();
            assertThat(history).contains("REGISTER").doesNotContain("内部备注", "张敏");
        } finally {
            finish(ownCase);
            act("dispatcher", gridCase, "reject", Map.of("note", "测试结束"));
        }
    }
}
