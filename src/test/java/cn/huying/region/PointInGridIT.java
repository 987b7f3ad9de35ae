package cn.huying.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/** A point reported from a phone is placed in its unit grid and basic grid by geometry. */
class PointInGridIT extends IntegrationTest {

    @Test
    void everyUnitGridsInteriorPointLocatesThatUnitGridAndItsBasicGrid() throws Exception {
        List<Map<String, Object>> units = jdbc.sql("SELECT id, parent_id, boundary FROM region WHERE type = 'UNIT_GRID'"
                + " AND code LIKE '370481107%' AND retired = FALSE").query().listOfRows();
        assertThat(units).hasSize(132);
        String t = token("admin");
        for (Map<String, Object> unit : units) {
            Geometry shape = new GeoJsonReader().read((String) unit.get("boundary"));
            Point inside = shape.getInteriorPoint();
            JsonNode found = http.get("/api/regions/locate" + Http.query("lat", inside.getY(), "lng", inside.getX()))
                    .bearer(t).send().json();
            assertThat(found.path("unitGrid").path("id").asLong()).isEqualTo(((Number) unit.get("id")).longValue());
            assertThat(found.path("basicGrid").path("id").asLong()).isEqualTo(((Number) unit.get("parent_id")).longValue());
            assertThat(found.path("town").path("name").asString()).isEqualTo("木石镇");
        }
    }

    @Test
    void aPointInsideADedicatedGridNamesItToo() throws Exception {
        Map<String, Object> school = jdbc.sql("SELECT id, boundary FROM region WHERE name = '木石镇中心小学'").query()
                .singleRow();
        Point inside = new GeoJsonReader().read((String) school.get("boundary")).getInteriorPoint();
        JsonNode found = http.get("/api/regions/locate" + Http.query("lat", inside.getY(), "lng", inside.getX()))
                .bearer(token("dispatcher")).send().json();
        assertThat(found.path("dedicatedGrids").findValuesAsString("name")).containsExactly("木石镇中心小学");
        assertThat(found.path("unitGrid").isNull()).isFalse();
    }

    @Test
    void aPointOutsideTheTownFindsNoGrid() {
        JsonNode found = http.get("/api/regions/locate" + Http.query("lat", 36.5, "lng", 118.0)).bearer(token("admin"))
                .send().json();
        assertThat(found.path("unitGrid").isNull()).isTrue();
        assertThat(found.path("basicGrid").isNull()).isTrue();
        assertThat(found.path("dedicatedGrids").size()).isZero();
    }

    @Test
    void anImpossibleCoordinateIsRefused() {
        Http.Response r = http.get("/api/regions/locate" + Http.query("lat", 123.0, "lng", 117.0)).bearer(token("admin")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).startsWith("坐标无效");
    }

    @Test
    void aGridWorkerDoesNotSeeGridsOutsideTheirScopeAtAPoint() throws Exception {
        // 顾梅 works in 凤翔小镇社区's first grid; a point in 卓庄村 is outside her scope
        String boundary = jdbc.sql("SELECT boundary FROM region WHERE name = '卓庄村第一网格第1单元'").query(String.class).single();
        Point inside = new GeoJsonReader().read(boundary).getInteriorPoint();
        JsonNode found = http.get("/api/regions/locate" + Http.query("lat", inside.getY(), "lng", inside.getX()))
                .bearer(token("gumei")).send().json();
        assertThat(found.path("unitGrid").isNull()).isTrue();
        assertThat(found.path("village").isNull()).isTrue();
    }
}
