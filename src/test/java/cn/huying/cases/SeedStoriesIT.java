package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import cn.huying.support.Multipart;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's two stories, played over real HTTP with the right user for each step; the history
 * must read as the story.
 */
class SeedStoriesIT extends IntegrationTest {

    /**
     * 凤翔小镇社区, 15 March: 顾梅 finds a leaking heating pipe at building 11 on patrol and reports it
     * with a photo; the town dispatches it to 物业办 the same day; 物业办 signs for it and has it
     * repaired the next day; the command centre verifies and closes; the revisit is 满意.
     */
    @Test
    void theHeatingPipeOfBuilding11IsRepairedTheNextDay() {
        clock.set(OffsetDateTime.parse("2026-03-15T09:20:00+08:00").toInstant());
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        Map<String, Object> report = Map.of("category", "LIVE_HEATING", "description", "凤翔小镇社区11号楼热力管道漏水，楼道积水",
                "address", "凤翔小镇社区11号楼", "lat", p[0], "lng", p[1], "urgency", "URGENT");
        Multipart form = new Multipart().json("case", report).file("files", "管道.png", "image/png", Multipart.tinyPng());
        Http.Response created = http.post("/api/cases", form.body()).contentType(form.contentType())
                .bearer(token("gumei")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("code").asString()).matches("MS-20260315-\\d{4}");
        assertThat(created.json().path("state").asString()).isEqualTo("REPORTED");
        assertThat(created.json().path("tier").asString()).isEqualTo("TOWN");
        assertThat(created.json().path("detail").path("regionName").asString()).isEqualTo("凤翔小镇社区第一网格第1单元");
        assertThat(created.json().path("detail").path("attachments").size()).isEqualTo(1);

        act("dispatcher", id, "register", Map.of("note", "受理"));
        long wuyeban = departmentId("MS-WYB");
        JsonNode dispatched = act("dispatcher", id, "dispatch", Map.of("departmentId", wuyeban, "note", "请物业办当天联系维修"));
        assertThat(dispatched.path("departmentName").asString()).isEqualTo("木石镇物业办");
        clock.set(OffsetDateTime.parse("2026-03-15T10:05:00+08:00").toInstant());
        act("handler", id, "accept", Map.of("note", "已联系维修人员"));
        clock.set(OffsetDateTime.parse("2026-03-16T15:30:00+08:00").toInstant());
        JsonNode resolved = act("handler", id, "resolve", Map.of("note", "热力管道已更换阀门，恢复正常使用"));
        assertThat(resolved.path("resolvedTier").asString()).isEqualTo("TOWN");
        act("dispatcher", id, "verify", Map.of("note", "网格员现场核实已修复"));
        act("dispatcher", id, "close", Map.of());
        JsonNode revisited = act("dispatcher", id, "revisit", Map.of("satisfaction", "SATISFIED", "note", "电话回访，住户满意"));
        assertThat(revisited.path("state").asString()).isEqualTo("REVISITED");
        assertThat(revisited.path("satisfaction").asString()).isEqualTo("SATISFIED");

        JsonNode history = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(history.findValuesAsString("actionLabel"))
                .containsExactly("上报", "直报镇平台", "立案受理", "派遣", "签收", "办理答复", "核查", "结案", "回访评价");
        assertThat(history.findValuesAsString("actorName"))
                .containsExactly("顾梅", "顾梅", "张敏", "张敏", "李强", "李强", "张敏", "张敏", "张敏");
        assertThat(history.get(3).path("departmentName").asString()).isEqualTo("木石镇物业办");
        assertThat(history.get(0).path("attachmentIds").size()).isEqualTo(1);
        assertThat(history.get(3).path("at").asString()).startsWith("2026-03-15");
        assertThat(history.get(5).path("at").asString()).startsWith("2026-03-16");
        assertThat(history.get(8).path("note").asString()).isEqualTo("满意：电话回访，住户满意");
    }

    /**
     * 卓庄村, August: two villagers fight over clearing trees; the grid worker cannot settle it and
     * escalates; the village mediation committee cannot either and escalates; the town sends it to
     * the court's staff, who mediate until the one who hit pays 8,000 yuan of medical costs.
     */
    @Test
    void theTreeClearingFightIsSettledByTheCourtWith8000Yuan() {
        clock.set(OffsetDateTime.parse("2026-08-12T16:00:00+08:00").toInstant());
        double[] p = pointIn("卓庄村第一网格第2单元");
        Http.Response created = http.post("/api/cases", Map.of("category", "DISPUTE_NEIGHBOUR",
                        "title", "村民因清理树木争吵扭打",
                        "description", "卓庄村两位村民因树木清理发生争吵扭打，一人受伤，索赔医药费遭拒，准备起诉",
                        "lat", p[0], "lng", p[1]))
                .bearer(token("gridworker2")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("tier").asString()).isEqualTo("GRID");

        JsonNode atVillage = act("gridworker2", id, "escalate", Map.of("note", "网格员调解无果"));
        assertThat(atVillage.path("tier").asString()).isEqualTo("VILLAGE");
        JsonNode atTown = act("cadre", id, "escalate", Map.of("note", "村调解委员会调解不成，涉及诉讼，请镇里协调法庭"));
        assertThat(atTown.path("tier").asString()).isEqualTo("TOWN");
        act("dispatcher", id, "register", Map.of("note", "转法庭工作人员帮助调解"));
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-FT")));
        act("handler-ms-ft", id, "accept", Map.of());
        act("handler-ms-ft", id, "resolve", Map.of("note", "法庭工作人员多次上门讲法说理，打人村民赔偿医药费8000元，双方和解"));
        act("dispatcher", id, "verify", Map.of());
        JsonNode closed = act("dispatcher", id, "close", Map.of());

        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("tierPath").findValuesAsString("tierPath")).isEmpty();
        assertThat(List.of(closed.path("tierPath").get(0).asString(), closed.path("tierPath").get(1).asString(),
                closed.path("tierPath").get(2).asString())).containsExactly("GRID", "VILLAGE", "TOWN");
        assertThat(closed.path("reply").asString()).contains("8000元");

        JsonNode history = http.get("/api/cases/" + id + "/history").bearer(token("dispatcher")).send().json();
        assertThat(history.findValuesAsString("actionLabel"))
                .containsExactly("上报", "上报升级", "上报升级", "立案受理", "派遣", "签收", "办理答复", "核查", "结案");
        assertThat(history.findValuesAsString("tier"))
                .containsExactly("GRID", "VILLAGE", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN");
        assertThat(history.get(1).path("actorName").asString()).isEqualTo("孙立华");
        assertThat(history.get(2).path("actorName").asString()).isEqualTo("王建国");
        assertThat(history.get(4).path("departmentName").asString()).isEqualTo("木石人民法庭");
    }
}
