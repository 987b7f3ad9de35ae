package cn.huying.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The registry over real HTTP: scope (grid, village, town), masked lists, the audited full view, look-up by ID
 * number, the household rules, history, export on request and erasure.
 */
class ResidentsIT extends ResidentSupport {

    @Test
    void aGridWorkerSeesTheHousesOfHerGridOnlyWithMaskedNumbers() {
        JsonNode houses = http.get("/api/residents/houses?size=200").bearer(token("gumei")).send().json();
        assertThat(houses.path("total").asLong()).isGreaterThanOrEqualTo(40);
        for (JsonNode h : houses.path("items")) {
            assertThat(h.path("regionName").asString()).startsWith("凤翔小镇社区第一网格");
        }
        JsonNode people = http.get("/api/residents/persons?size=50").bearer(token("gumei")).send().json();
        assertThat(people.path("items").size()).isGreaterThan(10);
        for (JsonNode p : people.path("items")) {
            assertThat(p.path("idCardMasked").asString()).matches("\\d{6}\\*{8}[\\dX]{4}");
            assertThat(p.path("phoneMasked").asString()).matches("\\d{3}\\*{4}\\d{4}");
            assertThat(p.has("idCard")).isFalse();
        }
        // the raw answer holds no full number anywhere
        assertThat(http.get("/api/residents/persons?size=50").bearer(token("gumei")).send().body())
                .doesNotContainPattern("\\d{17}[\\dX]");

        // the cadre of 卓庄村 sees 卓庄村's houses, none of 凤翔小镇社区
        JsonNode cadre = http.get("/api/residents/houses?size=200").bearer(token("cadre")).send().json();
        assertThat(cadre.path("total").asLong()).isGreaterThan(0);
        cadre.path("items").forEach(h -> assertThat(h.path("address").asString()).startsWith("卓庄村"));
        // the town sees both
        JsonNode town = http.get("/api/residents/houses?size=200").bearer(token("dispatcher")).send().json();
        assertThat(town.path("total").asLong()).isEqualTo(houses.path("total").asLong() + cadre.path("total").asLong()
                + extraHousesOutsideBoth());
    }

    private long extraHousesOutsideBoth() {
        return jdbc.sql("SELECT COUNT(*) FROM res_house WHERE address NOT LIKE '凤翔小镇社区%' AND address NOT LIKE '卓庄村%'")
                .query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM res_house h JOIN region r ON r.id = h.region_id WHERE h.address LIKE"
                + " '凤翔小镇社区%' AND r.name NOT LIKE '凤翔小镇社区第一网格%'").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM res_house h JOIN region r ON r.id = h.region_id WHERE h.address LIKE"
                + " '卓庄村%' AND r.name NOT LIKE '卓庄村%'").query(Long.class).single();
    }

    @Test
    void theFullViewIsInScopeOnlyAndAlwaysAudited() {
        long mine = http.get("/api/residents/persons?size=1").bearer(token("gumei")).send().json()
                .path("items").get(0).path("id").asLong();
        long before = audits("PII_VIEW", "resident:" + mine);
        Http.Response full = http.get("/api/residents/persons/" + mine + "/full").bearer(token("gumei")).send();
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().path("idCard").asString()).matches("\\d{17}[\\dX]");
        assertThat(IdCardNumber.valid(full.json().path("idCard").asString())).isTrue();
        assertThat(audits("PII_VIEW", "resident:" + mine)).isEqualTo(before + 1);
        assertThat(http.get("/api/residents/persons/" + mine + "/history").bearer(token("gumei")).send().body())
                .contains("查看完整身份证号和电话");

        // a person of 卓庄村: not found for 顾梅, for the full view too, and nothing is shown
        long theirs = http.get("/api/residents/persons?size=1").bearer(token("cadre")).send().json()
                .path("items").get(0).path("id").asLong();
        assertThat(http.get("/api/residents/persons/" + theirs).bearer(token("gumei")).send().status()).isEqualTo(404);
        Http.Response refused = http.get("/api/residents/persons/" + theirs + "/full").bearer(token("gumei")).send();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContainPattern("\\d{17}[\\dX]");
        long theirHouse = http.get("/api/residents/houses?size=1").bearer(token("cadre")).send().json()
                .path("items").get(0).path("id").asLong();
        assertThat(http.get("/api/residents/houses/" + theirHouse).bearer(token("gumei")).send().status()).isEqualTo(404);
        // the leader sees masked lists but has no full view
        assertThat(http.get("/api/residents/persons/" + mine + "/full").bearer(token("leader")).send().status())
                .isEqualTo(403);
    }

    @Test
    void housesAndPeopleAreRegisteredWithTheirRulesAndHistory() {
        long grid = gridOf("凤翔小镇社区第一网格");
        double[] point = pointIn("凤翔小镇社区第一网格第2单元");
        // a house placed in its unit grid by its point
        Http.Response byPoint = http.post("/api/residents/houses", Map.of("building", "凤翔小镇社区测试" + System.nanoTime()
                + "号楼", "unit", "1单元", "room", "101", "lat", point[0], "lng", point[1], "use", "OWNER_OCCUPIED"))
                .bearer(token("gumei")).send();
        assertThat(byPoint.status()).as(byPoint.toString()).isEqualTo(201);
        assertThat(byPoint.json().path("regionName").asString()).isEqualTo("凤翔小镇社区第一网格第2单元");
        long house = byPoint.json().path("id").asLong();
        // a grid outside her scope is refused
        Http.Response outside = http.post("/api/residents/houses", Map.of("building", "卓庄村测试楼", "unit", "1单元",
                "room", "101", "regionId", gridOf("卓庄村第一网格"), "use", "RENTED")).bearer(token("gumei")).send();
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("detail").asString()).contains("不在您的管辖范围内");

        // a wrong check digit is refused in Chinese, nothing stored
        String id = freshIdCard();
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        Http.Response bad = newPerson("gumei", house, "测试甲", id.substring(0, 17) + wrong, "13900001111");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).contains("校验位");
        Http.Response ok = newPerson("gumei", house, "测试甲", id, "13900001111", "ALONE_ELDERLY");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        long person = ok.json().path("id").asLong();
        assertThat(ok.json().path("tagNames").toString()).contains("独居老人");
        assertThat(newPerson("gumei", house, "测试甲", id, "13900001111").status()).isEqualTo(409);

        // exact look-up by the full number, through the keyed hash
        JsonNode found = http.get("/api/residents/persons" + Http.query("idCard", id)).bearer(token("gumei")).send().json();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("id").asLong()).isEqualTo(person);
        assertThat(jdbc.sql("SELECT id_card_enc FROM res_person WHERE id = ?").param(person).query(String.class).single())
                .startsWith("v1:").doesNotContain(id.substring(6, 14));
        // a search by the masked number as a list shows it
        JsonNode masked = http.get("/api/residents/persons" + Http.query("q", id.substring(0, 6) + "********"
                + id.substring(14))).bearer(token("gumei")).send().json();
        assertThat(masked.path("items").toString()).contains("\"id\":" + person);

        // a person in two households at once is refused; move-out before move-in is refused
        JsonNode other = newHouse("gumei", "凤翔小镇社区测试" + System.nanoTime() + "号楼", "202", grid, "RENTED");
        long household = http.get("/api/residents/houses/" + house).bearer(token("gumei")).send().json()
                .path("households").get(0).path("id").asLong();
        long otherHousehold = jdbc.sql("SELECT id FROM res_household WHERE house_id = ?").param(other.path("id").asLong())
                .query(Long.class).optional().orElseGet(() -> {
                    assertThat(newPerson("gumei", other.path("id").asLong(), "测试乙", freshIdCard(), "13900002222")
                            .status()).isEqualTo(201);
                    return jdbc.sql("SELECT id FROM res_household WHERE house_id = ?").param(other.path("id").asLong())
                            .query(Long.class).single();
                });
        Http.Response twice = http.post("/api/residents/persons/" + person + "/move-in", Map.of("householdId",
                otherHousehold, "relation", "TENANT", "moveIn", "2026-01-01")).bearer(token("gumei")).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).contains("另一住户");
        long member = http.get("/api/residents/houses/" + house).bearer(token("gumei")).send().json()
                .path("households").get(0).path("members").get(0).path("memberId").asLong();
        Http.Response early = http.post("/api/residents/members/" + member + "/move-out", Map.of("moveOut", "1999-01-01"))
                .bearer(token("gumei")).send();
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("detail").asString()).contains("迁出日期不能早于迁入日期");
        Http.Response out = http.post("/api/residents/members/" + member + "/move-out", Map.of("moveOut", "2099-01-01"))
                .bearer(token("gumei")).send();
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(http.post("/api/residents/persons/" + person + "/move-in", Map.of("householdId", otherHousehold,
                "relation", "TENANT", "moveIn", "2026-01-01")).bearer(token("gumei")).send().status()).isEqualTo(200);
        assertThat(household).isPositive();

        // the house's use changes with its version; the history says who, when, what
        long version = http.get("/api/residents/houses/" + house).bearer(token("gumei")).send().json().path("version").asLong();
        assertThat(http.patch("/api/residents/houses/" + house, Map.of("use", "RENTED", "version", version))
                .bearer(token("gumei")).send().status()).isEqualTo(200);
        assertThat(http.patch("/api/residents/houses/" + house, Map.of("use", "VACANT", "version", version))
                .bearer(token("gumei")).send().status()).as("a stale version").isEqualTo(409);
        JsonNode history = http.get("/api/residents/houses/" + house + "/history").bearer(token("gumei")).send().json();
        assertThat(history.toString()).contains("房屋用途：自住 → 出租").contains("顾梅");
        assertThat(http.get("/api/residents/persons/" + person + "/history").bearer(token("gumei")).send().body())
                .contains("迁入").contains("迁出（2099-01-01）");
    }

    @Test
    void aPersonsDataIsExportedOnRequestAndErasedWithTheAuditTrailKept() throws Exception {
        long house = http.get("/api/residents/houses?size=1").bearer(token("dispatcher")).send().json()
                .path("items").get(0).path("id").asLong();
        String id = freshIdCard();
        long person = newPerson("dispatcher", house, "导出测试", id, "13700003333", "LOW_INCOME").json().path("id").asLong();

        JsonNode json = http.get("/api/residents/persons/" + person + "/export").bearer(token("dispatcher")).send().json();
        assertThat(json.path("idCard").asString()).isEqualTo(id);
        assertThat(json.path("phone").asString()).isEqualTo("13700003333");
        assertThat(json.path("careTags").toString()).contains("低保");
        assertThat(json.path("stays").size()).isEqualTo(1);
        var docx = download("/api/residents/persons/" + person + "/export?format=docx", "dispatcher");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("个人信息副本").contains(id).contains("导出测试");
        }
        assertThat(audits("PII_EXPORT", "resident:" + person)).isEqualTo(2);

        // a grid worker may not erase; the command centre may, with a reason
        assertThat(http.post("/api/residents/persons/" + person + "/erase", Map.of("reason", "本人申请"))
                .bearer(token("gumei")).send().status()).isIn(403, 404);
        assertThat(http.post("/api/residents/persons/" + person + "/erase", Map.of()).bearer(token("dispatcher"))
                .send().status()).isEqualTo(400);
        assertThat(http.post("/api/residents/persons/" + person + "/erase", Map.of("reason", "本人申请删除"))
                .bearer(token("dispatcher")).send().status()).isEqualTo(204);
        assertThat(http.get("/api/residents/persons/" + person).bearer(token("dispatcher")).send().status()).isEqualTo(404);
        assertThat(http.get("/api/residents/persons" + Http.query("idCard", id)).bearer(token("dispatcher")).send().json()
                .path("total").asLong()).isZero();
        var row = jdbc.sql("SELECT name, id_card_enc, id_card_hash, phone_enc FROM res_person WHERE id = ?").param(person)
                .query((rs, n) -> List.of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)),
                        String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)))).single();
        assertThat(row).containsExactly("（已删除）", "null", "null", "null");
        // the audit trail stays: the views, the exports and the erasure
        assertThat(audits("PII_ERASE", "resident:" + person)).isEqualTo(1);
        assertThat(audits("PII_EXPORT", "resident:" + person)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM res_history WHERE entity = 'PERSON' AND entity_id = ?").param(person)
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }
}
