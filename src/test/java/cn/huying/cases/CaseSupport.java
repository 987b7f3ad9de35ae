package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Steps shared by the case tests: report, act with the current version, read. */
abstract class CaseSupport extends IntegrationTest {

    protected long report(String user, String category, String regionName, String description) {
        double[] p = pointIn(regionName);
        Http.Response r = http.post("/api/cases", Map.of("category", category, "description", description,
                "lat", p[0], "lng", p[1])).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    protected JsonNode get(String user, long id) {
        Http.Response r = http.get("/api/cases/" + id).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A heating case reported by 顾梅, registered and dispatched to 物业办. */
    protected long dispatchedToPropertyOffice() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", "暖气管道漏水");
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        return id;
    }

    protected static java.util.List<Long> ids(JsonNode node) {
        return node.findValues("id").stream().map(JsonNode::asLong).toList();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
