package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Data scope 数据范围: a user never sees, in a list or by id, anything outside their region subtree.
 * Outside the scope a single read answers 404 (the platform does not confirm it exists) and the
 * refusal is audited; an action the role lacks answers 403.
 */
class DataScopeIT extends IntegrationTest {

    private long id(String name) {
        return jdbc.sql("SELECT id FROM region WHERE name = ?").param(name).query(Long.class).single();
    }

    @Test
    void aGridWorkersListHoldsOnlyTheirOwnGrid() {
        JsonNode page = http.get("/api/regions" + Http.query("size", 200)).bearer(token("gumei")).send().json();
        assertThat(page.path("total").asLong()).isEqualTo(4); // the basic grid and its 3 unit grids
        for (JsonNode r : page.path("items")) {
            assertThat(r.path("name").asString()).startsWith("凤翔小镇社区第一网格");
        }
    }

    @Test
    void aVillageCadreSeesTheirVillageAndItsGridsOnly() {
        long village = id("卓庄村");
        String villagePath = jdbc.sql("SELECT path FROM region WHERE id = ?").param(village).query(String.class).single();
        JsonNode page = http.get("/api/regions" + Http.query("size", 200)).bearer(token("cadre")).send().json();
        assertThat(page.path("items").findValuesAsString("path")).allMatch(p -> p.startsWith(villagePath));
        assertThat(page.path("items").findValuesAsString("name")).contains("卓庄村", "卓庄村第一网格", "卓庄村第三网格第3单元");
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1 + 3 + 9);
    }

    @Test
    void aDispatcherSeesTheWholeTownButNotTheCountyRoot() {
        JsonNode page = http.get("/api/regions" + Http.query("type", "BASIC_GRID", "size", 100)).bearer(token("dispatcher"))
                .send().json();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(45);
        long county = regionId("370481");
        assertThat(http.get("/api/regions/" + county).bearer(token("dispatcher")).send().status()).isEqualTo(404);
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundByIdAndTheRefusalIsAudited() {
        long otherVillage = id("卓庄村");
        Http.Response r = http.get("/api/regions/" + otherVillage).bearer(token("gumei")).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("detail").asString()).contains("不在您的数据范围内");
        assertThat(http.get("/api/regions/" + otherVillage + "/children").bearer(token("gumei")).send().status()).isEqualTo(404);
        assertThat(http.get("/api/regions/" + otherVillage + "/counts").bearer(token("gumei")).send().status()).isEqualTo(404);
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE username = 'gumei' AND event_type = 'SCOPE_DENIED' AND target = ?")
                .param("region:" + otherVillage).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void insideTheScopeASingleReadWorks() {
        long ownGrid = id("凤翔小镇社区第一网格");
        Http.Response r = http.get("/api/regions/" + ownGrid).bearer(token("gumei")).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("lineage").findValuesAsString("name")).containsExactly("滕州市", "木石镇", "凤翔小镇社区",
                "凤翔小镇社区第一网格");
    }

    @Test
    void aHandlerSeesTheTownsDepartmentsAndTheCountyBureauAboveButNotAnotherTownsDepartments() {
        long county = regionId("370481");
        Http.Response town = http.post("/api/regions", Map.of("code", "370481199", "name", "另一镇", "type", "TOWN",
                "parentId", county)).bearer(token("admin")).send();
        long otherTown = town.status() == 201 ? town.json().path("id").asLong() : regionId("370481199");
        Http.Response dept = http.post("/api/departments", Map.of("code", "OTHER-SFS", "name", "另一镇司法所", "kind",
                "JUSTICE", "regionId", otherTown)).bearer(token("admin")).send();
        long otherDept = dept.status() == 201 ? dept.json().path("id").asLong()
                : jdbc.sql("SELECT id FROM department WHERE code = 'OTHER-SFS'").query(Long.class).single();

        JsonNode list = http.get("/api/departments").bearer(token("handler")).send().json();
        assertThat(list.findValuesAsString("name")).contains("木石镇物业办", "滕州市交通运输局").doesNotContain("另一镇司法所");
        assertThat(http.get("/api/departments/" + otherDept).bearer(token("handler")).send().status()).isEqualTo(404);
    }

    @Test
    void anActionTheRoleLacksIsForbiddenAndAudited() {
        Http.Response r = http.post("/api/regions", Map.of("code", "X9", "name", "越权", "type", "VILLAGE",
                "parentId", regionId("370481107"))).bearer(token("gumei")).send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("detail").asString()).isEqualTo("您没有执行此操作的权限");
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE username = 'gumei' AND event_type = 'ACCESS_DENIED'")
                .query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theUserListIsScopedToo() {
        JsonNode all = http.get("/api/users" + Http.query("size", 200)).bearer(token("admin")).send().json();
        assertThat(all.path("items").findValuesAsString("username")).contains("gumei", "dispatcher", "hotline");
        assertThat(http.get("/api/users").bearer(token("gumei")).send().status()).isEqualTo(403);
    }
}
