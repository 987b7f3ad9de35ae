package cn.huying.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The region API: the demo town's figures, administration, and the refusals a town administrator meets. */
class RegionApiIT extends IntegrationTest {

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[100.0,1.0],[100.1,1.0],[100.1,1.1],[100.0,1.1],[100.0,1.0]]]}";

    private String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh town under the demo county, so tests never change the demo town's figures. */
    private long testTown() {
        return createOk("TOWN", regionId("370481"));
    }

    private Http.Response create(String code, String name, String type, Long parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId);
        if (type.equals("DEDICATED_GRID")) {
            body.put("dedicatedKind", "SCHOOL");
        }
        return http.post("/api/regions", body).bearer(token("admin")).send();
    }

    private long createOk(String type, Long parentId) {
        Http.Response r = create(unique("T"), "测试" + type, type, parentId);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void theDemoTownHasTheSeedsGridFigures() {
        long town = regionId("370481107");
        Http.Response r = http.get("/api/regions/" + town + "/counts").bearer(token("dispatcher")).send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode counts = r.json().path("counts");
        assertThat(counts.path("BASIC_GRID").asLong()).isEqualTo(45);
        assertThat(counts.path("UNIT_GRID").asLong()).isEqualTo(132);
        assertThat(counts.path("DEDICATED_GRID").asLong()).isEqualTo(63);
        assertThat(r.json().path("name").asString()).isEqualTo("木石镇");
    }

    @Test
    void theDemoTownHasItsNamedVillagesAndDepartments() {
        String t = token("dispatcher");
        long town = regionId("370481107");
        JsonNode villages = http.get("/api/regions" + Http.query("type", "VILLAGE", "parentId", town, "size", 50))
                .bearer(t).send().json();
        assertThat(villages.path("total").asLong()).isEqualTo(15);
        assertThat(villages.path("items").findValuesAsString("name")).contains("卓庄村", "凤翔小镇社区");
        JsonNode departments = http.get("/api/departments").bearer(t).send().json();
        assertThat(departments.findValuesAsString("kind")).contains("GOVERNANCE", "JUSTICE", "POLICE", "COURT",
                "PETITION", "PROPERTY", "URBAN_MANAGEMENT", "TRANSPORT", "MARKET_REGULATION", "EMERGENCY");
    }

    @Test
    void aRegionCanBeCreatedRenamedMovedRetiredAndDeleted() {
        long town = testTown();
        long villageA = createOk("VILLAGE", town);
        long villageB = createOk("VILLAGE", town);
        long grid = createOk("BASIC_GRID", villageA);
        long unit = createOk("UNIT_GRID", grid);

        Http.Response renamed = http.patch("/api/regions/" + grid, Map.of("name", "新名字网格", "boundary",
                Http.JSON.readTree(POLYGON))).bearer(token("admin")).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("新名字网格");
        assertThat(renamed.json().path("hasBoundary").asBoolean()).isTrue();

        Http.Response moved = http.post("/api/regions/" + grid + "/move", Map.of("parentId", villageB))
                .bearer(token("admin")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("parentId").asLong()).isEqualTo(villageB);
        JsonNode unitAfter = http.get("/api/regions/" + unit).bearer(token("admin")).send().json().path("region");
        assertThat(unitAfter.path("path").asString()).contains("/" + villageB + "/" + grid + "/" + unit + "/");

        assertThat(http.post("/api/regions/" + unit + "/retire", null).bearer(token("admin")).send().status()).isEqualTo(200);
        Http.Response retired = http.post("/api/regions/" + grid + "/retire", null).bearer(token("admin")).send();
        assertThat(retired.json().path("retired").asBoolean()).isTrue();

        assertThat(http.delete("/api/regions/" + unit).bearer(token("admin")).send().status()).isEqualTo(204);
        assertThat(http.get("/api/regions/" + unit).bearer(token("admin")).send().status()).isEqualTo(404);
    }

    @Test
    void aChildTypeThatDoesNotFitItsParentIsRefused() {
        long town = regionId("370481107");
        Http.Response r = create(unique("U"), "错层单元", "UNIT_GRID", town);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).isEqualTo("基础单元网格不能建在镇街“木石镇”之下");
    }

    @Test
    void aDuplicateCodeIsRefused() {
        Http.Response r = create("370481107", "重复的木石镇", "TOWN", regionId("370481"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).isEqualTo("区域编码 370481107 已存在");
    }

    @Test
    void movingARegionUnderItsOwnDescendantIsRefusedAsACycle() {
        long town = testTown();
        long village = createOk("VILLAGE", town);
        long grid = createOk("BASIC_GRID", village);
        Http.Response r = http.post("/api/regions/" + village + "/move", Map.of("parentId", grid))
                .bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("不能把").contains("下级");
        Http.Response self = http.post("/api/regions/" + village + "/move", Map.of("parentId", village))
                .bearer(token("admin")).send();
        assertThat(self.status()).isEqualTo(400);
    }

    @Test
    void deletingARegionThatStillHasChildrenIsRefused() {
        long zhuozhuang = jdbc.sql("SELECT id FROM region WHERE name = '卓庄村'").query(Long.class).single();
        Http.Response r = http.delete("/api/regions/" + zhuozhuang).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).startsWith("“卓庄村”下还有").endsWith("个下级区域，不能删除");
        assertThat(http.get("/api/regions/" + zhuozhuang).bearer(token("admin")).send().status()).isEqualTo(200);
    }

    @Test
    void deletingARegionThatStillHasDepartmentsIsRefused() {
        long village = createOk("VILLAGE", testTown());
        Http.Response d = http.post("/api/departments", Map.of("code", unique("D"), "name", "村调委会", "kind", "JUSTICE",
                "regionId", village)).bearer(token("admin")).send();
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        Http.Response r = http.delete("/api/regions/" + village).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("部门");
    }

    @Test
    void retiringARegionWithActiveChildrenIsRefused() {
        long village = createOk("VILLAGE", testTown());
        createOk("BASIC_GRID", village);
        Http.Response r = http.post("/api/regions/" + village + "/retire", null).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("请先撤销下级");
    }

    @Test
    void anInvalidBoundaryIsRefused() {
        long village = createOk("VILLAGE", testTown());
        Map<String, Object> body = new HashMap<>();
        body.put("code", unique("B"));
        body.put("name", "坏边界网格");
        body.put("type", "BASIC_GRID");
        body.put("parentId", village);
        body.put("boundary", Http.JSON.readTree("{\"type\":\"Point\",\"coordinates\":[117.3,35.0]}"));
        Http.Response r = http.post("/api/regions", body).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).startsWith("边界不是有效的 GeoJSON 多边形");
    }

    @Test
    void departmentsCanBeCreatedRenamedMovedAndRetired() {
        long town = testTown();
        long village = createOk("VILLAGE", town);
        String code = unique("DEP");
        Http.Response created = http.post("/api/departments", Map.of("code", code, "name", "木石镇卫健办", "kind", "OTHER",
                "regionId", town)).bearer(token("admin")).send();
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Http.Response dup = http.post("/api/departments", Map.of("code", code, "name", "重复", "regionId", town))
                .bearer(token("admin")).send();
        assertThat(dup.status()).isEqualTo(409);
        Http.Response renamed = http.patch("/api/departments/" + id, Map.of("name", "木石镇卫生健康办")).bearer(token("admin")).send();
        assertThat(renamed.json().path("name").asString()).isEqualTo("木石镇卫生健康办");
        Http.Response moved = http.post("/api/departments/" + id + "/move", Map.of("regionId", village)).bearer(token("admin")).send();
        assertThat(moved.json().path("regionId").asLong()).isEqualTo(village);
        Http.Response retired = http.post("/api/departments/" + id + "/retire", null).bearer(token("admin")).send();
        assertThat(retired.json().path("retired").asBoolean()).isTrue();
    }

    @Test
    void theRegionApiIsInOpenApi() {
        JsonNode ops = http.get("/v3/api-docs").send().json().path("paths");
        assertThat(ops.path("/api/regions/{id}/move").has("post")).isTrue();
        assertThat(ops.path("/api/regions/{id}").has("delete")).isTrue();
    }
}
