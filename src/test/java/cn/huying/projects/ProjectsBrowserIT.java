package cn.huying.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.projects.internal.DisclosureSweep;
import cn.huying.support.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 阳光推介 through the screens, on the test clock: the project officer registers a transport project and takes it
 * through the eight steps on its page; a citizen comments in the consultation window without an account; an
 * enterprise registers interest on its page; the officer shortlists; one expert declares no conflict and scores,
 * the other declares a conflict and is excluded; a milestone is missed and reported; the public page shows every
 * step's result disclosed within 20 working days, and the statistics page draws its charts. Steps whose screens
 * the test does not look at go through the REST API. Screenshots: target/screenshots/projects-*.png.
 */
class ProjectsBrowserIT extends ProjectSupport {

    @Autowired
    DisclosureSweep sweep;

    private String base() {
        return "http://localhost:" + port;
    }

    private static void setDate(Browser b, String id, String date) {
        b.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date);
    }

    @Test
    void aTransportProjectThroughTheEightStepsOnTheScreens() {
        clock.set(at("2026-03-02T09:00:00+08:00"));
        String name = "城阳区双元路快速路工程" + unique();
        long id;
        try (Browser officer = Browser.office(base())) {
            officer.login("project_officer", DEMO_PASSWORD).open("/projects");
            officer.type("#p-name", name).type("#p-location", "城阳区双元路沿线")
                    .type("#p-planned", "1320000000.00").type("#p-owner", "城阳区交通运输局")
                    .type("#p-doc", "可行性研究报告").type("#p-summary", "双向六车道，连接流亭机场片区");
            officer.submit("#p-submit");
            assertThat(officer.text("h1")).contains(name);
            id = Long.parseLong(officer.driver().getCurrentUrl().replaceAll(".*/projects/", ""));
            setDate(officer, "closes-on", "2026-03-06");
            officer.submit("#consultation-btn");
            assertThat(officer.text("#planning")).contains("征求意见中");

            // a citizen, no account, comments on the public page
            try (Browser citizen = Browser.office(base())) {
                citizen.open("/public/projects/" + id);
                citizen.type("#comment-author", "双元路居民").type("#comment-content", "建议保留公交港湾站");
                citizen.submit("#comment-btn");
                assertThat(citizen.text("#public-comments")).contains("建议保留公交港湾站");
                citizen.fullScreenshot("projects-public-consultation");
            }

            clock.set(at("2026-03-09T09:00:00+08:00"));
            officer.open("/projects/" + id).type("#complete-text", "第三方机构评审通过，吸收群众意见 1 条");
            officer.submit("#complete-btn");
            assertThat(officer.text("#project-step")).contains("阳光发布");
            officer.type("#disclose-PLANNING", "规划方案评审通过并已吸收群众意见");
            officer.submit("#disclose-btn-PLANNING");
            assertThat(officer.text("#step-PLANNING")).contains("按时公开");
            officer.type("#complete-text", "项目已在平台及新华社、人民网、大众日报发布");
            officer.submit("#complete-btn");
            disclose(id, "PUBLICATION", "项目信息公开发布");
            assertThat(officer.text("#project-step")).contains("阳光选择");

            // three approved enterprises; one registers on its own page
            List<String> companies = List.of(enterprise("青岛城阳路桥集团" + unique(), true),
                    enterprise("山东高速城阳交通工程" + unique(), true), enterprise("青岛顺达市政工程" + unique(), true));
            try (Browser firm = Browser.office(base())) {
                firm.login(companies.get(0), DEMO_PASSWORD).open("/projects/enterprise");
                firm.type("#caps-" + id, "市政公路工程施工总承包一级，近三年营收 45 亿元").type("#refs-" + id, "青岛市快速路 3 项");
                firm.submit("#interest-btn-" + id);
                assertThat(firm.text("#my-interests")).contains(name);
                firm.fullScreenshot("projects-enterprise");
            }
            for (String c : companies.subList(1, 3)) {
                ok(post(c, "/api/projects/" + id + "/interests", Map.of("capabilities", "公路工程施工总承包一级")));
            }
            List<Long> interests = new ArrayList<>();
            detail(id).path("interests").forEach(i -> interests.add(i.path("id").asLong()));
            officer.open("/projects/" + id);
            for (int i = 0; i < 3; i++) {
                officer.type("#reason-" + interests.get(i), i < 2 ? "资质业绩满足要求" : "缺少同类业绩")
                        .select("#decision-" + interests.get(i), String.valueOf(i < 2));
                officer.submit("#shortlist-" + interests.get(i));
            }
            assertThat(officer.text("#interests")).contains("已入围").contains("未入围");
            clock.set(at("2026-03-16T09:00:00+08:00"));
            complete(id, "SELECTION", "3 家企业登记意向，2 家入围");
            disclose(id, "SELECTION", "入围企业 2 家");

            // 阳光服务 and 阳光交流 through the API
            long leaderId = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single();
            ok(http.put("/api/projects/" + id + "/leader", Map.of("userId", leaderId)).bearer(as("project_officer")).send());
            ok(post("leader", "/api/projects/" + id + "/contacts", Map.of("interestId", interests.get(0),
                    "contactOn", "2026-03-16", "mode", "现场走访", "summary", "了解施工组织方案")));
            complete(id, "SERVICE", "包联领导对接入围企业");
            disclose(id, "SERVICE", "明确包联领导");
            ok(post("project_officer", "/api/projects/" + id + "/exchanges", Map.of("association", "城阳区工商联",
                    "heldOn", "2026-03-16", "summary", "项目推介交流")));
            clock.set(at("2026-03-17T09:00:00+08:00"));
            complete(id, "EXCHANGE", "与区工商联交流");
            disclose(id, "EXCHANGE", "与城阳区工商联交流");

            // 阳光评鉴: two experts on their own screens
            String wang = user(ProjectRoles.EXPERT, "王专家");
            String zhao = user(ProjectRoles.EXPERT, "赵专家");
            for (String e : List.of(wang, zhao)) {
                long uid = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(e).query(Long.class).single();
                ok(post("project_officer", "/api/projects/" + id + "/experts", Map.of("userId", uid)));
            }
            try (Browser expert = Browser.office(base())) {
                expert.login(zhao, DEMO_PASSWORD).open("/projects/reviews/" + id);
                expert.click("#has-conflict").type("#declaration-text", "曾任参评企业技术顾问");
                expert.submit("#declare-btn");
                assertThat(expert.text("#declared")).contains("回避");
                assertThat(expert.driver().findElements(By.id("score-btn"))).isEmpty();
            }
            try (Browser expert = Browser.office(base())) {
                expert.login(wang, DEMO_PASSWORD).open("/projects/reviews");
                assertThat(expert.text("#invitations")).contains(name);
                expert.open("/projects/reviews/" + id);
                expert.submit("#declare-btn");
                expert.type("#score-" + interests.get(0), "92.5").type("#remark-" + interests.get(0), "方案成熟")
                        .type("#score-" + interests.get(1), "88").type("#remark-" + interests.get(1), "报价偏高");
                expert.submit("#score-btn");
                assertThat(expert.text("#my-scores")).contains("92.50").contains("88.00");
                assertThat(expert.page()).contains("评分在评鉴结果确定后公开");
                expert.fullScreenshot("projects-expert-review");
            }
            officer.open("/projects/" + id);
            assertThat(officer.text("#experts")).contains("回避（利益冲突）").contains("已评分");
            officer.type("#signed-inv", "1298500000.00").type("#price-note", "经价格协调，按评审价下浮 1.6%");
            officer.submit("#decide-btn");
            assertThat(officer.text("#winner")).contains("青岛城阳路桥集团");
            clock.set(at("2026-03-20T09:00:00+08:00"));
            complete(id, "EVALUATION", "专家评审并价格协调");
            disclose(id, "EVALUATION", "评鉴结果及专家评分公开");

            // 阳光监管: a milestone missed and reported by the sweep
            ok(post("project_officer", "/api/projects/" + id + "/tender", Map.of("tenderNo", "CYZB-2026-" + unique(),
                    "postQualified", true, "note", "公开招标，资格后审通过")));
            long roadbed = ok(post("project_officer", "/api/projects/" + id + "/milestones",
                    Map.of("name", "路基工程完成", "dueOn", "2026-03-24"))).path("id").asLong();
            clock.set(at("2026-03-25T09:00:00+08:00"));
            sweep.sweep();
            officer.open("/projects/" + id);
            assertThat(officer.text("#milestones")).contains("逾期未完成");
            assertThat(officer.text("#project-warnings")).contains("路基工程完成");
            officer.fullScreenshot("projects-officer-detail");
            ok(post("project_officer", "/api/projects/" + id + "/milestones/" + roadbed + "/done",
                    Map.of("doneOn", "2026-03-25")));
            complete(id, "SUPERVISION", "招标完成，路基节点逾期 1 日后完成");
            disclose(id, "SUPERVISION", "招标及履约情况公开");
            ok(post("project_officer", "/api/projects/" + id + "/acceptance", Map.of("finalAccount", "1296420000.00",
                    "investmentAudit", "无异常", "budgetAudit", "预算执行率 99.8%", "fundsAudit", "合规", "qualityAudit", "合格")));
            clock.set(at("2026-03-27T09:00:00+08:00"));
            complete(id, "ACCEPTANCE", "竣工验收合格");
            disclose(id, "ACCEPTANCE", "竣工验收及审计结果公开");

            officer.open("/projects");
            officer.fullScreenshot("projects-officer-list");
            officer.open("/projects/stats");
            officer.waitFor(d -> "true".equals(d.findElement(By.id("project-totals")).getDomAttribute("data-ready")));
            assertThat(officer.text("#by-category")).contains("交通基础设施");
            officer.fullScreenshot("projects-stats");
        }

        // the public: no account, each result disclosed within its 20 working days
        try (Browser pub = Browser.office(base())) {
            pub.open("/public/projects");
            assertThat(pub.text("#public-projects")).contains(name);
            pub.open("/public/projects/" + id);
            JsonNode steps = http.get("/api/public/projects/" + id).send().json().path("steps");
            assertThat(steps).hasSize(8);
            for (JsonNode s : steps) {
                assertThat(pub.text("#disclosure-" + s.path("step").asString())).contains("按时公开");
            }
            assertThat(pub.text("#public-decision")).contains("青岛城阳路桥集团").contains("92.50");
            assertThat(pub.text("#public-milestones")).contains("逾期完成");
            pub.fullScreenshot("projects-public-detail");
        }
    }
}
