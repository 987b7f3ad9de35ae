package cn.huying.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.calendar.WorkingCalendar;
import cn.huying.identity.Roles;
import cn.huying.projects.internal.DisclosureSweep;
import cn.huying.support.Http;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * 阳光推介 end to end over real HTTP, on the test clock: a transport project from planning to acceptance — a public
 * consultation comment, three interested enterprises and a shortlist, the responsible leader's contact, an exchange,
 * two experts (one excluded for a conflict of interest), a milestone missed and reported, and every step's result
 * disclosed on the public page within its 20 working days; then the statistics and the Atom feed.
 */
class ProjectsIT extends ProjectSupport {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    DisclosureSweep sweep;

    @Autowired
    WorkingCalendar calendar;

    private JsonNode stats() {
        return ok(http.get("/api/projects/stats").bearer(as("project_officer")).send());
    }

    @Test
    void aTransportProjectGoesFromPlanningToAcceptanceWithEveryStepDisclosedInTime() throws Exception {
        clock.set(at("2026-04-08T10:00:00+08:00"));
        JsonNode before = stats();

        clock.set(at("2026-03-02T09:00:00+08:00")); // Monday
        String name = "城阳区春阳路快速路工程" + unique();
        long id = createProject(name);
        String code = detail(id).path("project").path("code").asString();

        // a step out of order, and 阳光规划 before its consultation: refused, nothing moves
        Http.Response early = post("project_officer", "/api/projects/" + id + "/steps/PUBLICATION/complete",
                Map.of("text", "发布"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).contains("步骤顺序不对").contains("阳光规划");
        assertThat(post("project_officer", "/api/projects/" + id + "/steps/PLANNING/complete", Map.of("text", "通过"))
                .json().path("detail").asString()).contains("征求意见");
        assertThat(detail(id).path("project").path("step").asString()).isEqualTo("PLANNING");

        // 阳光规划: the public comments without an account while the window is open
        ok(post("project_officer", "/api/projects/" + id + "/consultation", Map.of("closesOn", "2026-03-06")));
        Http.Response comment = http.post("/api/public/projects/" + id + "/comments",
                Map.of("author", "春阳路居民", "content", "建议在学校门口设置人行天桥")).send();
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        assertThat(http.get("/api/public/projects/" + id).send().json().path("comments").get(0).path("content").asString())
                .isEqualTo("建议在学校门口设置人行天桥");
        clock.set(at("2026-03-09T09:00:00+08:00"));
        assertThat(http.post("/api/public/projects/" + id + "/comments", Map.of("content", "晚了")).send().status())
                .isEqualTo(409);
        JsonNode planned = complete(id, "PLANNING", "第三方机构评审通过，吸收群众意见 1 条");
        assertThat(planned.path("project").path("step").asString()).isEqualTo("PUBLICATION");
        // 20 working days on the official calendar: 清明 (Mon 04-06) is a day off, so the limit is the end of Tue 04-07
        Instant due = Instant.parse(step(planned, "PLANNING").path("disclosureDueAt").asString());
        assertThat(due).isEqualTo(at("2026-04-07T23:59:59+08:00"));

        // 阳光发布
        clock.set(at("2026-03-10T10:00:00+08:00"));
        complete(id, "PUBLICATION", "项目信息已在平台及新华社、人民网、大众日报发布");
        disclose(id, "PUBLICATION", "项目信息已公开发布，欢迎有意向的企业登记");

        // 阳光选择: three approved enterprises register interest; one not yet approved may not
        String luqiao = enterprise("青岛城阳路桥集团" + unique(), true);
        String gaosu = enterprise("山东高速城阳交通工程" + unique(), true);
        String shunda = enterprise("青岛顺达市政工程" + unique(), true);
        String pending = enterprise("青岛待审建设公司" + unique(), false);
        Map<String, String> caps = Map.of("capabilities", "市政公路工程施工总承包一级", "references", "青岛市重点道路 5 项");
        assertThat(post(pending, "/api/projects/" + id + "/interests", caps).status()).isEqualTo(403);
        List<Long> interests = new ArrayList<>();
        for (String e : List.of(luqiao, gaosu, shunda)) {
            interests.add(ok(post(e, "/api/projects/" + id + "/interests", caps)).path("id").asLong());
        }
        assertThat(post(luqiao, "/api/projects/" + id + "/interests", caps).status()).isEqualTo(409);
        assertThat(post("project_officer", "/api/projects/" + id + "/steps/SELECTION/complete", Map.of("text", "入围"))
                .json().path("detail").asString()).contains("入围决定");
        ok(post("project_officer", "/api/projects/" + id + "/interests/" + interests.get(0) + "/shortlist",
                Map.of("shortlisted", true, "reason", "资质业绩最优")));
        ok(post("project_officer", "/api/projects/" + id + "/interests/" + interests.get(1) + "/shortlist",
                Map.of("shortlisted", true, "reason", "同类快速路业绩 3 项")));
        ok(post("project_officer", "/api/projects/" + id + "/interests/" + interests.get(2) + "/shortlist",
                Map.of("shortlisted", false, "reason", "缺少快速路业绩")));
        assertThat(ok(http.get("/api/enterprise/projects").bearer(as(shunda)).send()).path("mine").get(0)
                .path("interest").path("shortlistReason").asString()).isEqualTo("缺少快速路业绩");
        clock.set(at("2026-03-16T09:00:00+08:00"));
        complete(id, "SELECTION", "3 家企业登记意向，2 家入围");
        clock.set(at("2026-03-17T09:00:00+08:00"));
        disclose(id, "SELECTION", "入围企业 2 家，理由见公开页");

        // 阳光服务: one responsible leader; only the leader logs contacts
        long leaderId = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single();
        ok(http.put("/api/projects/" + id + "/leader", Map.of("userId", leaderId)).bearer(as("project_officer")).send());
        Map<String, Object> contact = Map.of("interestId", interests.get(0), "contactOn", "2026-03-17", "mode", "面谈",
                "summary", "了解企业施工组织方案");
        assertThat(post("project_officer", "/api/projects/" + id + "/contacts", contact).status()).isEqualTo(403);
        ok(post("leader", "/api/projects/" + id + "/contacts", contact));
        clock.set(at("2026-03-18T09:00:00+08:00"));
        complete(id, "SERVICE", "包联领导陈书记对接入围企业");
        disclose(id, "SERVICE", "明确包联领导，对接入围企业 1 次");

        // 阳光交流
        ok(post("project_officer", "/api/projects/" + id + "/exchanges", Map.of("association", "城阳区工商联",
                "heldOn", "2026-03-19", "summary", "向商会会员推介项目")));
        clock.set(at("2026-03-20T09:00:00+08:00"));
        complete(id, "EXCHANGE", "与区工商联交流");
        clock.set(at("2026-03-23T09:00:00+08:00"));
        disclose(id, "EXCHANGE", "与城阳区工商联开展项目推介交流");

        // 阳光评鉴: two experts; one declares a conflict and is excluded, and cannot score
        String wang = user(ProjectRoles.EXPERT, "王专家");
        String zhao = user(ProjectRoles.EXPERT, "赵专家");
        for (String e : List.of(wang, zhao)) {
            long uid = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(e).query(Long.class).single();
            ok(post("project_officer", "/api/projects/" + id + "/experts", Map.of("userId", uid)));
        }
        ok(post(wang, "/api/reviews/" + id + "/declaration", Map.of("conflict", false, "declaration", "")));
        ok(post(zhao, "/api/reviews/" + id + "/declaration", Map.of("conflict", true, "declaration", "曾任青岛城阳路桥集团顾问")));
        List<Map<String, Object>> scores = List.of(
                Map.of("interestId", interests.get(0), "score", "92.50", "remark", "方案成熟"),
                Map.of("interestId", interests.get(1), "score", "88", "remark", "报价偏高"));
        Http.Response conflicted = post(zhao, "/api/reviews/" + id + "/scores", Map.of("scores", scores));
        assertThat(conflicted.status()).isEqualTo(409);
        assertThat(conflicted.json().path("detail").asString()).contains("利益冲突");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project_score WHERE project_id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(post("project_officer", "/api/projects/" + id + "/decision", Map.of("winnerInterestId",
                interests.get(0), "signedInvestment", "1300000000", "priceNote", "协调")).status()).isEqualTo(409);
        JsonNode review = ok(post(wang, "/api/reviews/" + id + "/scores", Map.of("scores", scores)));
        assertThat(review.path("myScores")).hasSize(2);
        assertThat(review.path("publishedScores")).isEmpty();
        // before the decision the public sees no score, and the officer only the panel's averages
        assertThat(http.get("/api/public/projects/" + id).send().json().path("scores")).isEmpty();
        JsonNode panel = detail(id);
        assertThat(panel.path("scores")).isEmpty();
        assertThat(new BigDecimal(panel.path("averages").get(0).path("average").asString())).isEqualByComparingTo("92.50");
        Http.Response notANumber = post("project_officer", "/api/projects/" + id + "/decision", Map.of(
                "winnerInterestId", interests.get(0), "signedInvestment", "十三亿", "priceNote", "协调"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().path("detail").asString()).contains("不是有效的金额");
        ok(post("project_officer", "/api/projects/" + id + "/decision", Map.of("winnerInterestId", interests.get(0),
                "signedInvestment", "1298500000.00", "priceNote", "经价格协调，按评审价下浮 1.6%")));
        JsonNode published = http.get("/api/public/projects/" + id).send().json();
        assertThat(published.path("scores")).hasSize(2);
        assertThat(published.path("winnerName").asString()).startsWith("青岛城阳路桥集团");
        clock.set(at("2026-03-27T09:00:00+08:00"));
        complete(id, "EVALUATION", "专家评审并价格协调，确定青岛城阳路桥集团");
        clock.set(at("2026-03-30T09:00:00+08:00"));
        disclose(id, "EVALUATION", "评鉴结果及专家评分已公开");

        // 阳光监管: tender, two milestones; the first is missed and reported once
        ok(post("project_officer", "/api/projects/" + id + "/tender", Map.of("tenderNo", "CYZB-2026-" + unique(),
                "postQualified", true, "note", "公开招标，资格后审通过")));
        long roadbed = ok(post("project_officer", "/api/projects/" + id + "/milestones",
                Map.of("name", "路基工程完成", "dueOn", "2026-04-01"))).path("id").asLong();
        long bridge = ok(post("project_officer", "/api/projects/" + id + "/milestones",
                Map.of("name", "桥梁主体完工", "dueOn", "2026-04-10"))).path("id").asLong();
        clock.set(at("2026-04-02T09:00:00+08:00"));
        sweep.sweep();
        sweep.sweep();
        JsonNode warnings = detail(id).path("warnings");
        assertThat(kinds(warnings)).containsExactlyInAnyOrder("DISCLOSURE_DUE_SOON", "MILESTONE_MISSED");
        JsonNode watch = ok(http.get("/api/projects/watch").bearer(as("project_officer")).send());
        assertThat(watch.path("warnings").toString()).contains(code).contains("路基工程完成");
        // the officer discloses 阳光规划 after the warning, within the limit
        clock.set(at("2026-04-03T10:00:00+08:00"));
        disclose(id, "PLANNING", "规划方案经第三方评审通过，公开征求意见期间收到意见 1 条并已吸收");
        ok(post("project_officer", "/api/projects/" + id + "/milestones/" + roadbed + "/done", Map.of("doneOn", "2026-04-03")));
        ok(post("project_officer", "/api/projects/" + id + "/milestones/" + bridge + "/done", Map.of("doneOn", "2026-04-03")));
        complete(id, "SUPERVISION", "招标完成，路基节点逾期 2 日后完成");
        disclose(id, "SUPERVISION", "招标及履约情况已公开");

        // 阳光验收
        ok(post("project_officer", "/api/projects/" + id + "/acceptance", Map.of("finalAccount", "1296420000.00",
                "investmentAudit", "投资审计无异常", "budgetAudit", "预算执行率 99.8%", "fundsAudit", "资金拨付合规",
                "qualityAudit", "质量验收合格")));
        clock.set(at("2026-04-08T10:00:00+08:00"));
        JsonNode accepted = complete(id, "ACCEPTANCE", "竣工验收合格");
        assertThat(accepted.path("project").path("status").asString()).isEqualTo("COMPLETED");
        disclose(id, "ACCEPTANCE", "竣工验收、决算及审计结果公开");

        // the public page: each of the eight results disclosed within its 20 working days
        JsonNode pub = http.get("/api/public/projects/" + id).send().json();
        assertThat(pub.path("steps")).hasSize(8);
        for (JsonNode s : pub.path("steps")) {
            Instant completed = Instant.parse(s.path("completedAt").asString());
            Instant limit = Instant.parse(s.path("disclosureDueAt").asString());
            assertThat(limit).isEqualTo(calendar.addWorkingDays(completed, 20).at());
            assertThat(Instant.parse(s.path("disclosedAt").asString())).as(s.toString()).isBeforeOrEqualTo(limit);
        }
        Http.Response page = http.get("/public/projects/" + id).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name).contains("已验收");
        assertThat(page.body().split("按时公开", -1).length - 1).isEqualTo(8);
        // 全程留痕: the history cannot be changed
        assertThat(detail(id).path("history").size()).isGreaterThan(20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE project_history SET detail = 'x' WHERE project_id = ?").param(id).update()).isNotNull();

        // statistics at the same instant as before: one project more, exact sums, on-time counts
        JsonNode after = stats();
        assertThat(after.path("projects").asLong()).isEqualTo(before.path("projects").asLong() + 1);
        assertThat(dec(after, "planned").subtract(dec(before, "planned"))).isEqualByComparingTo("1320000000.00");
        assertThat(dec(after, "signed").subtract(dec(before, "signed"))).isEqualByComparingTo("1298500000.00");
        assertThat(after.path("milestones").path("due").asLong() - before.path("milestones").path("due").asLong()).isEqualTo(2);
        assertThat(after.path("milestones").path("onTime").asLong() - before.path("milestones").path("onTime").asLong()).isEqualTo(1);
        assertThat(after.path("disclosures").path("onTime").asLong() - before.path("disclosures").path("onTime").asLong()).isEqualTo(8);

        // the Atom feed: valid XML in the Atom namespace, one entry per disclosure of the project
        Http.Response atom = http.get("/public/projects/feed.atom").send();
        assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()).isNotBlank();
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        int mine = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            String title = e.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent();
            Instant.parse(e.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
            assertThat(e.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()).isNotBlank();
            if (title.contains(code)) {
                mine++;
                assertThat(((Element) e.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                        .endsWith("/public/projects/" + id);
            }
        }
        assertThat(mine).isEqualTo(8);
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.path(field).asString());
    }

    private static List<String> kinds(JsonNode warnings) {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(w.path("kind").asString()));
        return out;
    }

    @Test
    void aLateDisclosureIsListedAndNothingIsDisclosedAfterTermination() {
        clock.set(at("2026-06-01T09:00:00+08:00"));
        String name = "城阳区临空经济区连接线" + unique();
        long id = createProject(name);
        String code = detail(id).path("project").path("code").asString();
        planned(id, "2026-06-05", "2026-06-08T09:00:00+08:00");
        complete(id, "PUBLICATION", "已发布");

        // 阳光规划's result is not disclosed within 20 working days: warned, then listed late
        clock.set(at("2026-07-20T09:00:00+08:00"));
        sweep.sweep();
        assertThat(kinds(detail(id).path("warnings"))).contains("DISCLOSURE_DUE_SOON", "DISCLOSURE_LATE");
        JsonNode watch = ok(http.get("/api/projects/watch").bearer(as("project_officer")).send());
        assertThat(watch.path("late").toString()).contains(code);
        disclose(id, "PLANNING", "规划结果（逾期公开）");
        assertThat(http.get("/public/projects/" + id).send().body()).contains("逾期");

        // terminated: no disclosure, no step, nothing written
        ok(post("project_officer", "/api/projects/" + id + "/terminate", Map.of("text", "规划调整，项目终止")));
        Http.Response r = post("project_officer", "/api/projects/" + id + "/steps/PUBLICATION/disclosure",
                Map.of("text", "发布结果"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).isEqualTo("项目已终止，不能再公开环节结果");
        assertThat(step(detail(id), "PUBLICATION").path("disclosedAt").isNull()).isTrue();
        assertThat(post("project_officer", "/api/projects/" + id + "/resume", Map.of("text", "恢复")).status())
                .isEqualTo(409);
        assertThat(detail(id).path("project").path("status").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void aNonNumericInvestmentIsRefusedAndNothingIsWritten() {
        String name = "城阳区错误金额项目" + unique();
        Http.Response r = post("project_officer", "/api/projects", Map.of("name", name, "category", "交通基础设施",
                "location", "城阳区", "plannedInvestment", "十三亿元", "ownerDepartment", "城阳区交通运输局"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("plannedInvestment").contains("不是有效的金额");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name = ?").param(name).query(Long.class).single()).isZero();
        // suspended and resumed, each with its reason in the record
        long id = createProject("城阳区暂停恢复项目" + unique());
        ok(post("project_officer", "/api/projects/" + id + "/suspend", Map.of("text", "征地协调")));
        assertThat(post("project_officer", "/api/projects/" + id + "/consultation", Map.of("closesOn", "2099-01-01"))
                .json().path("detail").asString()).contains("已暂停");
        ok(post("project_officer", "/api/projects/" + id + "/resume", Map.of("text", "协调完成")));
        assertThat(detail(id).path("history").toString()).contains("征地协调").contains("协调完成");
        assertThat(http.get("/api/projects/" + id).bearer(as(user(Roles.CITIZEN, "群众"))).send().status())
                .isEqualTo(403);
    }

    @Test
    void aDisclosureLimitCountedOnAssumedDaysMovesWhenThatYearsNoticeIsImported() {
        // 2036 has no notice: 20 assumed working days after Mon 2036-09-15 end on Mon 10-13
        clock.set(at("2036-09-01T09:00:00+08:00"));
        long id = createProject("城阳区假日测试道路" + unique());
        planned(id, "2036-09-12", "2036-09-15T09:00:00+08:00");
        assertThat(Instant.parse(step(detail(id), "PLANNING").path("disclosureDueAt").asString()))
                .isEqualTo(at("2036-10-13T23:59:59+08:00"));
        String notice = """
                {"year":2036,"papers":["https://example.gov.cn/2036-notice"],"days":[
                 {"name":"国庆节","date":"2036-10-01","isOffDay":true},{"name":"国庆节","date":"2036-10-02","isOffDay":true},
                 {"name":"国庆节","date":"2036-10-03","isOffDay":true},{"name":"国庆节","date":"2036-10-06","isOffDay":true},
                 {"name":"国庆节","date":"2036-10-07","isOffDay":true}]}""";
        Http.Response imported = http.post("/api/calendar/import", notice).bearer(login("admin", DEMO_PASSWORD)).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("deadlinesRecomputed").asInt()).isGreaterThanOrEqualTo(1);
        // five weekdays off: the limit moves five working days later, to Mon 10-20
        assertThat(Instant.parse(step(detail(id), "PLANNING").path("disclosureDueAt").asString()))
                .isEqualTo(at("2036-10-20T23:59:59+08:00"));
    }
}
