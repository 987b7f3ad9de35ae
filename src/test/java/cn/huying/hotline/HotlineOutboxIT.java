package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.hotline.internal.HotlineSender;
import cn.huying.hotline.internal.HotlineTransport;
import cn.huying.hotline.internal.WebhookTransport;
import cn.huying.support.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the hotline hears back: each step it cares about is written to the outbox with the step
 * itself, and reaches the hotline in order, once, however long the hotline is down. The sender is
 * driven directly and time moves by the test clock; nothing sleeps.
 */
class HotlineOutboxIT extends ChannelsSupport {

    private static final String SECRET = "s3cret-for-signatures";

    private final HotlineSender sender;
    private FakeHotline hotline;
    private HotlineTransport transport;

    @Autowired
    HotlineOutboxIT(HotlineSender sender) {
        this.sender = sender;
    }

    @BeforeEach
    void startHotline() throws Exception {
        hotline = new FakeHotline();
        transport = new WebhookTransport(hotline.uri(), Duration.ofSeconds(5), SECRET);
        clock.set(OffsetDateTime.parse("2026-03-16T09:00:00+08:00").toInstant());
    }

    @AfterEach
    void stopHotline() {
        hotline.close();
    }

    private String transfer() {
        String no = "12345-" + UUID.randomUUID().toString().substring(0, 13);
        Http.Response r = http.post("/api/hotline/orders", Map.of("orderNo", no, "category", "供暖",
                        "content", "暖气不热", "regionCode", TOWN, "citizenPhone", "13912345678"))
                .header("X-API-Key", hotlineKey()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return no;
    }

    private long caseOf(String orderNo) {
        return jdbc.sql("SELECT case_id FROM hotline_order WHERE order_no = ?").param(orderNo).query(Long.class).single();
    }

    private List<String> outbox(String orderNo, String column) {
        return jdbc.sql("SELECT " + column + " FROM hotline_outbox WHERE order_no = ? ORDER BY seq").param(orderNo)
                .query(String.class).list();
    }

    private void post(String user, String path, Map<String, Object> body, int status) {
        Http.Response r = http.post(path, body).bearer(userToken(user)).send();
        assertThat(r.status()).as(user + " " + path + ": " + r).isEqualTo(status);
    }

    /**
     * Register, dispatch to 物业办, accept, first contact, an approved extension, resolve, verify, close,
     * revisit: six messages for the hotline.
     */
    private long handleToTheEnd(String orderNo) {
        long id = caseOf(orderNo);
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of("note", "已签收"));
        post("handler", "/api/cases/" + id + "/first-contact", Map.of("note", "已电话联系赵女士"), 200);
        Http.Response asked = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 2, "reason", "等待阀门配件"))
                .bearer(userToken("handler")).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        post("dispatcher", "/api/cases/" + id + "/extensions/" + asked.json().path("id").asLong() + "/approve",
                Map.of("note", "同意延期"), 200);
        act("handler", id, "resolve", Map.of("note", "已维修供暖阀门，室温恢复"));
        act("dispatcher", id, "verify", Map.of());
        act("dispatcher", id, "close", Map.of());
        act("dispatcher", id, "revisit", Map.of("satisfaction", "SATISFIED", "note", "电话回访满意"));
        return id;
    }

    @Test
    void everyMessageArrivesInOrderOnceAfterTheHotlineRecovers() throws Exception {
        String no = transfer();
        long caseId = handleToTheEnd(no);
        assertThat(outbox(no, "type"))
                .containsExactly("ACCEPTED", "FIRST_CONTACT", "EXTENSION", "REPLIED", "CLOSED", "REVISITED");
        assertThat(outbox(no, "state")).containsOnly("PENDING");
        hotline.failNext(no, 3);

        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).as("the first message failed; the others wait behind it").isEqualTo(1);
        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).as("nothing before the backoff has passed").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(59));
        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).as("the second wait is twice as long").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).isEqualTo(3);
        assertThat(hotline.taken(no)).isEmpty();
        assertThat(jdbc.sql("SELECT attempts FROM hotline_outbox WHERE order_no = ? AND seq = 1").param(no)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT last_status FROM hotline_outbox WHERE order_no = ? AND seq = 1").param(no)
                .query(Integer.class).single()).isEqualTo(503);

        clock.advance(Duration.ofSeconds(120));
        sender.deliverDue(transport);
        List<FakeHotline.Taken> taken = hotline.taken(no);
        assertThat(taken.stream().map(t -> t.body().path("type").asString()).toList())
                .containsExactly("ACCEPTED", "FIRST_CONTACT", "EXTENSION", "REPLIED", "CLOSED", "REVISITED");
        assertThat(taken.stream().map(t -> t.body().path("sequence").asInt()).toList())
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(taken.stream().map(FakeHotline.Taken::messageId).toList())
                .doesNotHaveDuplicates().containsExactlyElementsOf(outbox(no, "message_id"));
        assertThat(hotline.attempts(no)).isEqualTo(3 + 6);
        assertThat(outbox(no, "state")).containsOnly("SENT");

        clock.advance(Duration.ofHours(2));
        assertThat(sender.deliverDue(transport)).isGreaterThanOrEqualTo(0);
        assertThat(hotline.attempts(no)).as("an acknowledged message is never sent again").isEqualTo(9);

        String caseCode = jdbc.sql("SELECT code FROM case_file WHERE id = ?").param(caseId).query(String.class).single();
        for (FakeHotline.Taken t : taken) {
            assertThat(t.body().path("messageId").asString()).isEqualTo(t.messageId());
            assertThat(t.body().path("orderNo").asString()).isEqualTo(no);
            assertThat(t.body().path("caseCode").asString()).isEqualTo(caseCode);
            assertThat(t.body().path("department").asString()).isEqualTo("木石镇物业办");
            assertThat(t.body().path("occurredAt").asString()).startsWith("2026-03-16T09:00:00+08:00");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(t.signature()).isEqualTo("sha256="
                    + HexFormat.of().formatHex(mac.doFinal(t.raw().getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(taken.get(0).body().path("typeLabel").asString()).isEqualTo("签收");
        assertThat(taken.get(1).body().path("note").asString()).isEqualTo("已电话联系赵女士");
        assertThat(taken.get(2).body().path("extensionApproved").asBoolean()).isTrue();
        assertThat(taken.get(2).body().path("note").asString()).isEqualTo("同意延期");
        String newDueAt = taken.get(2).body().path("newDueAt").asString();
        assertThat(newDueAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(taken.get(3).body().path("note").asString()).isEqualTo("已维修供暖阀门，室温恢复");
        assertThat(taken.get(3).body().path("dueAt").asString()).as("the deadline after the extension").isEqualTo(newDueAt);
        assertThat(taken.get(4).body().path("note").asString()).isEqualTo("已维修供暖阀门，室温恢复");
        assertThat(taken.get(4).body().path("state").asString()).isEqualTo("CLOSED");
        assertThat(taken.get(5).body().path("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(taken.get(5).body().path("satisfactionLabel").asString()).isEqualTo("满意");
    }

    @Test
    void onlyTheHotlinesCasesAndTheStepsItCaresAboutGoToTheOutbox() {
        String returned = transfer();
        long id = caseOf(returned);
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        assertThat(outbox(returned, "type")).as("registering and dispatching are ours alone").isEmpty();
        act("handler", id, "return", Map.of("note", "不属于物业办职责，应由供热公司处理"));
        assertThat(outbox(returned, "type")).containsExactly("RETURNED");
        finish(id);

        String rejected = transfer();
        act("dispatcher", caseOf(rejected), "reject", Map.of("note", "重复工单"));
        assertThat(outbox(rejected, "type")).containsExactly("REJECTED");
        assertThat(outbox(rejected, "payload").get(0)).contains("重复工单");

        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response grid = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description", "网格员上报暖气漏水",
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        long gridCase = grid.json().path("id").asLong();
        act("dispatcher", gridCase, "register", Map.of());
        act("dispatcher", gridCase, "reject", Map.of("note", "已处理"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_outbox WHERE case_id = ?").param(gridCase).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aStepThatFailsLeavesNoMessage() {
        String no = transfer();
        long id = caseOf(no);
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        long version = http.get("/api/cases/" + id).bearer(token("handler")).send().json().path("version").asLong();
        Http.Response stale = http.post("/api/cases/" + id + "/accept", Map.of("version", version - 1))
                .bearer(token("handler")).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(outbox(no, "type")).isEmpty();
        finish(id);
    }

    @Test
    void severalNodesSendingAtOnceDeliverEachMessageOnceAndInOrder() throws Exception {
        List<String> orders = List.of(transfer(), transfer(), transfer());
        for (String no : orders) {
            handleToTheEnd(no);
            hotline.failNext(no, 1);
        }
        for (int run = 0; run < 6 && orders.stream().anyMatch(no -> outbox(no, "state").contains("PENDING")); run++) {
            together(4, () -> sender.deliverDue(transport));
            clock.advance(Duration.ofMinutes(1));
        }
        for (String no : orders) {
            List<FakeHotline.Taken> taken = hotline.taken(no);
            assertThat(taken.stream().map(t -> t.body().path("sequence").asInt()).toList()).as(no)
                    .containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(taken.stream().map(FakeHotline.Taken::messageId).distinct().count()).isEqualTo(6);
            assertThat(hotline.attempts(no)).as("one failure, then each message once").isEqualTo(7);
            assertThat(outbox(no, "state")).containsOnly("SENT");
        }
    }

    @Test
    void aMessageHeldByANodeThatDiedIsSentWhenItsLeaseRunsOut() {
        String no = transfer();
        long id = caseOf(no);
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", id, "accept", Map.of());
        jdbc.sql("UPDATE hotline_outbox SET lease_owner = 'dead-node', lease_until = ? WHERE order_no = ?")
                .params(clock.instant().plus(Duration.ofMinutes(2)).atOffset(java.time.ZoneOffset.UTC), no).update();
        sender.deliverDue(transport);
        assertThat(hotline.attempts(no)).isZero();
        clock.advance(Duration.ofMinutes(2));
        sender.deliverDue(transport);
        assertThat(hotline.taken(no)).hasSize(1);
        assertThat(outbox(no, "state")).containsExactly("SENT");
        finish(id);
    }

    @Test
    void withoutAWebhookMessagesWaitInTheOutbox() {
        String no = transfer();
        long id = caseOf(no);
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "reject", Map.of("note", "不属于本镇"));
        assertThat(sender.deliverDue()).isZero();
        assertThat(outbox(no, "state")).containsExactly("PENDING");

        Http.Response list = http.get("/api/hotline/outbox" + Http.query("orderNo", no)).bearer(token("admin")).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").get(0).path("type").asString()).isEqualTo("REJECTED");
        assertThat(list.json().path("items").get(0).path("state").asString()).isEqualTo("PENDING");
        assertThat(http.get("/api/hotline/outbox").bearer(token("dispatcher")).send().status()).isEqualTo(403);
    }
}
