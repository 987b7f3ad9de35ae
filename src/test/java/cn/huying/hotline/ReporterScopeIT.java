package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: citizens and system accounts filed cases into any town (a {@code regionId} of another town; a hotline
 * order for a town of another county), though the rule is "their town or county". Refused with 400, nothing stored,
 * and the refusal does not name the region.
 */
class ReporterScopeIT extends ChannelsSupport {

    private long newRegion(String type, Long parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", "S" + UUID.randomUUID().toString().substring(0, 8),
                "name", "范围外" + type, "type", type));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        Http.Response r = http.post("/api/regions", body).bearer(token("admin")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void aCitizenFilesOnlyIntoTheirOwnTown() {
        long otherTown = newRegion("TOWN", regionId("370481"));
        long before = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "别的镇的垃圾",
                "regionId", otherTown)).bearer(token("citizen")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("不在您的网格范围内").doesNotContain("范围外");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single()).isEqualTo(before);
        // their own town still takes the report
        Http.Response own = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "本镇的垃圾",
                "regionId", regionId(TOWN))).bearer(token("citizen")).send();
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        finish(own.json().path("id").asLong());
    }

    @Test
    void theHotlineFilesOnlyIntoItsOwnCounty() {
        long otherCounty = newRegion("COUNTY", null);
        long otherTown = newRegion("TOWN", otherCounty);
        String code = jdbc.sql("SELECT code FROM region WHERE id = ?").param(otherTown).query(String.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
        Map<String, Object> order = new HashMap<>(Map.of("orderNo", "12345-" + UUID.randomUUID().toString().substring(0, 13),
                "category", "供暖", "channelType", "热线转办", "citizenName", "赵秀英", "citizenPhone", "13912345678",
                "content", "外县来电", "address", "外县某小区", "regionCode", code));
        Http.Response r = http.post("/api/hotline/orders", order).header("X-API-Key", hotlineKey()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single()).isEqualTo(before);
    }
}
