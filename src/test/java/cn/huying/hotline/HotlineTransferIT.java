package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 12345 hotline work orders become cases, once per order number, with the hotline's categories mapped to ours. */
class HotlineTransferIT extends ChannelsSupport {

    /** Where the orders go: a town of the test's own, except where 木石镇's dispatcher must act. */
    private String town;

    /** The orders say they were received on 16 March 2026; the test lives on that morning. */
    @org.junit.jupiter.api.BeforeEach
    void thatMorning() {
        town = newTown();
        clock.set(OffsetDateTime.parse("2026-03-16T09:30:00+08:00").toInstant());
    }

    private static String orderNo() {
        return "12345-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private Map<String, Object> order(String orderNo, String category) {
        Map<String, Object> o = new HashMap<>();
        o.put("orderNo", orderNo);
        o.put("category", category);
        o.put("channelType", "热线转办");
        o.put("citizenName", "赵秀英");
        o.put("citizenPhone", "13912345678");
        o.put("content", "来电反映凤翔小镇社区11号楼暖气不热，已持续三天");
        o.put("address", "凤翔小镇社区11号楼");
        o.put("regionCode", town);
        o.put("receivedAt", "2026-03-16 08:40:00");
        o.put("dueAt", "2026-03-20T17:30:00+08:00");
        return o;
    }

    private Http.Response send(Map<String, Object> order) {
        return http.post("/api/hotline/orders", order).header("X-API-Key", hotlineKey()).send();
    }

    @Test
    void aWorkOrderBecomesACaseInTheTownsQueueWithTheHotlinesTimes() {
        String no = orderNo();
        Map<String, Object> toMushi = order(no, "供暖");
        toMushi.put("regionCode", TOWN);
        Http.Response r = send(toMushi);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Idempotent-Replayed")).isEqualTo("false");
        JsonNode body = r.json();
        assertThat(body.path("orderNo").asString()).isEqualTo(no);
        assertThat(body.path("caseCode").asString()).matches("MS-20260316-\\d{4}");
        assertThat(body.path("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(body.path("categoryCode").asString()).isEqualTo("LIVE_HEATING");
        assertThat(body.path("categoryMapped").asBoolean()).isTrue();
        assertThat(body.path("state").asString()).isEqualTo("REPORTED");
        assertThat(body.path("replay").asBoolean()).isFalse();
        assertThat(Instant.parse(body.path("receivedAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-03-16T08:40:00+08:00").toInstant());
        assertThat(Instant.parse(body.path("hotlineDueAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-03-20T17:30:00+08:00").toInstant());

        long caseId = body.path("caseId").asLong();
        JsonNode c = act("dispatcher", caseId, "register", Map.of());
        assertThat(c.path("channel").asString()).isEqualTo("HOTLINE_12345");
        JsonNode limits = c.path("timeLimits");
        assertThat(Instant.parse(limits.path("receivedAt").asString())).as("time limits count from the hotline's receipt")
                .isEqualTo(OffsetDateTime.parse("2026-03-16T08:40:00+08:00").toInstant());
        assertThat(Instant.parse(limits.path("dueAt").asString())).as("the hotline's deadline is earlier than ours")
                .isEqualTo(OffsetDateTime.parse("2026-03-20T17:30:00+08:00").toInstant());
        assertThat(limits.path("firstContactDueAt").isNull()).as("12345: contact within 1 working day").isFalse();
        assertThat(c.path("tier").asString()).isEqualTo("TOWN");
        assertThat(c.path("regionName").asString()).isEqualTo("木石镇");
        assertThat(c.path("reporterName").asString()).isEqualTo("赵**");
        assertThat(c.path("reporterPhone").asString()).isEqualTo("139****5678");
        JsonNode contact = http.get("/api/cases/" + caseId + "/contact").bearer(token("dispatcher")).send().json();
        assertThat(contact.path("phone").asString()).isEqualTo("13912345678");

        Http.Response status = http.get("/api/hotline/orders/" + no).header("X-API-Key", hotlineKey()).send();
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("caseId").asLong()).isEqualTo(caseId);
        finish(caseId);
    }

    @Test
    void eachChannelTypeIsKept() {
        Map<String, String> expected = Map.of("热线转办", "HOTLINE_12345", "省热线咨询", "PROVINCIAL_HOTLINE",
                "网络舆情", "ONLINE_OPINION", "公开电话", "PUBLIC_PHONE", "网络信件", "ONLINE_LETTER");
        expected.forEach((type, channel) -> {
            Map<String, Object> o = order(orderNo(), "投诉");
            o.put("channelType", type);
            Http.Response r = send(o);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().path("channel").asString()).isEqualTo(channel);
            JsonNode c = http.get("/api/cases/" + r.json().path("caseId").asLong()).bearer(userToken("admin")).send().json();
            assertThat(c.path("channel").asString()).isEqualTo(channel);
        });
    }

    @Test
    void theSameOrderSentAgainGivesBackTheSameCase() {
        String no = orderNo();
        Http.Response first = send(order(no, "供暖"));
        assertThat(first.status()).isEqualTo(201);
        Map<String, Object> changed = order(no, "投诉");
        changed.put("content", "重复推送，内容略有不同");
        Http.Response again = send(changed);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("replay").asBoolean()).isTrue();
        assertThat(again.json().path("caseId").asLong()).isEqualTo(first.json().path("caseId").asLong());
        assertThat(again.json().path("categoryCode").asString()).isEqualTo("LIVE_HEATING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_order WHERE order_no = ?").param(no).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneOrderGiveOneCase() throws Exception {
        for (int round = 0; round < 3; round++) {
            String no = orderNo();
            Map<String, Object> o = order(no, "环境卫生");
            String key = hotlineKey();
            List<Http.Response> results = together(8, () -> http.post("/api/hotline/orders", o)
                    .header("X-API-Key", key).send());
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
            assertThat(results.stream().filter(r -> r.status() == 201).count()).as("round " + round).isEqualTo(1);
            assertThat(results.stream().map(r -> r.json().path("caseId").asLong()).distinct().count()).isEqualTo(1);
            long caseId = results.get(0).json().path("caseId").asLong();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE idempotency_key = ?").param("12345:" + no)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT case_id FROM hotline_order WHERE order_no = ?").param(no).query(Long.class)
                    .single()).isEqualTo(caseId);
        }
    }

    @Test
    void anUnknownCategoryIsFiledUnderTheFallbackAndAnAdminCanMapIt() {
        String name = "暖气片" + UUID.randomUUID().toString().substring(0, 4);
        Http.Response unmapped = send(order(orderNo(), name));
        assertThat(unmapped.status()).isEqualTo(201);
        assertThat(unmapped.json().path("categoryMapped").asBoolean()).isFalse();
        assertThat(unmapped.json().path("categoryCode").asString()).isEqualTo("REQ_HELP");

        Http.Response put = http.put("/api/hotline/category-mappings/" + encode(name), Map.of("categoryCode", "LIVE_HEATING"))
                .bearer(token("admin")).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("categoryName").asString()).isEqualTo("供暖管道维修");
        Http.Response mapped = send(order(orderNo(), name));
        assertThat(mapped.json().path("categoryMapped").asBoolean()).isTrue();
        assertThat(mapped.json().path("categoryCode").asString()).isEqualTo("LIVE_HEATING");

        JsonNode list = http.get("/api/hotline/category-mappings").bearer(token("admin")).send().json();
        assertThat(list.findValuesAsString("hotlineCategory")).contains(name, "供暖", "其他");
        assertThat(http.put("/api/hotline/category-mappings/" + encode(name), Map.of("categoryCode", "DISPUTE"))
                .bearer(token("admin")).send().status()).as("a group is not a category").isEqualTo(400);
        assertThat(http.put("/api/hotline/category-mappings/" + encode(name), Map.of("categoryCode", "LIVE_HEATING"))
                .bearer(token("dispatcher")).send().status()).isEqualTo(403);
        assertThat(http.delete("/api/hotline/category-mappings/" + encode(name)).bearer(token("admin")).send().status())
                .isEqualTo(204);
        assertThat(http.delete("/api/hotline/category-mappings/" + encode(name)).bearer(token("admin")).send().status())
                .isEqualTo(404);
        // a name that is one of our own categories needs no mapping
        assertThat(send(order(orderNo(), "违章搭建")).json().path("categoryCode").asString()).isEqualTo("URBAN_ILLEGAL_BUILD");
    }

    @Test
    void aBadOrderIsRefusedFieldByFieldAndStoresNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM hotline_order").query(Long.class).single();
        Map<String, Object> o = order(orderNo(), "");
        o.remove("regionCode");
        o.put("content", " ");
        o.put("channelType", "微信");
        o.put("receivedAt", "昨天");
        o.put("citizenPhone", "110");
        Http.Response r = send(o);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("category", "channelType", "receivedAt", "regionCode", "content");
        assertThat(r.json().path("detail").asString()).contains("微信").contains("昨天");

        Map<String, Object> early = order(orderNo(), "供暖");
        early.put("dueAt", "2026-03-15T08:00:00+08:00");
        assertThat(send(early).json().path("errors").findValuesAsString("field")).containsExactly("dueAt");
        Map<String, Object> badPhone = order(orderNo(), "供暖");
        badPhone.put("citizenPhone", "110");
        assertThat(send(badPhone).json().path("errors").findValuesAsString("field")).containsExactly("citizenPhone");
        assertThat(send(Map.of("category", "供暖")).json().path("errors").findValuesAsString("field"))
                .containsExactly("orderNo");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_order").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyAnOutsideSystemMayTransferOrders() {
        Http.Response asDispatcher = http.post("/api/hotline/orders", order(orderNo(), "供暖"))
                .bearer(token("dispatcher")).send();
        assertThat(asDispatcher.status()).isEqualTo(403);
        Http.Response asCitizen = http.post("/api/hotline/orders", order(orderNo(), "供暖"))
                .header("X-API-Key", issueKey("citizen")).send();
        assertThat(asCitizen.status()).isEqualTo(403);
        assertThat(http.post("/api/hotline/orders", order(orderNo(), "供暖")).send().status()).isEqualTo(401);
        assertThat(http.post("/api/hotline/orders", order(orderNo(), "供暖")).header("X-API-Key", "hyk_wrong").send()
                .status()).isEqualTo(401);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
