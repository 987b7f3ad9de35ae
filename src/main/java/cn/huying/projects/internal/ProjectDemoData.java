package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.identity.UserAccounts;
import cn.huying.identity.UserAccounts.NewUser;
import cn.huying.projects.ProjectRoles;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.shared.DemoData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Demo of 阳光推介 in the seed's flavour (城阳区's major project resources): a project officer, three experts, and
 * transport projects at different steps — one in its consultation window, one published, one selecting, one
 * suspended, one in review, one under supervision with a milestone, one accepted — each completed step disclosed
 * (one of them late). Written in bulk; nothing is added when the project table already holds rows.
 */
@Component
@ConditionalOnProperty(name = "huying.demo", havingValue = "true")
class ProjectDemoData implements DemoData {

    static final String PASSWORD = "Huying@2026";

    private record Demo(String name, String category, String location, String planned, String signed, String owner,
                        Step step, ProjectStatus status, String reason, int daysAgo) {
    }

    private static final List<Demo> PROJECTS = List.of(
            new Demo("城阳区流亭片区道路微循环提升工程", "交通基础设施", "城阳区流亭街道", "650000000.00", null,
                    "城阳区交通运输局", Step.PLANNING, ProjectStatus.ACTIVE, null, 6),
            new Demo("城阳区公交场站及充电设施建设项目", "交通基础设施", "城阳区城阳街道", "420000000.00", null,
                    "城阳区交通运输局", Step.PUBLICATION, ProjectStatus.ACTIVE, null, 40),
            new Demo("城阳区正阳路—春阳路立交工程", "交通基础设施", "城阳区正阳路与春阳路交叉口", "1500000000.00", null,
                    "城阳区住房和城乡建设局", Step.SELECTION, ProjectStatus.ACTIVE, null, 70),
            new Demo("上马街道滨海大道延伸段工程", "交通基础设施", "城阳区上马街道", "980000000.00", null,
                    "城阳区交通运输局", Step.SERVICE, ProjectStatus.SUSPENDED, "沿线征地拆迁协调中，暂停推进", 110),
            new Demo("城阳区智慧停车综合项目", "市政公用", "城阳区主城区", "310000000.00", null,
                    "城阳区城市管理局", Step.EXCHANGE, ProjectStatus.ACTIVE, null, 130),
            new Demo("城阳站综合交通枢纽配套工程", "交通基础设施", "城阳区城阳站周边", "2800000000.00", null,
                    "城阳区交通运输局", Step.EVALUATION, ProjectStatus.ACTIVE, null, 160),
            new Demo("城阳区青威路快速路改造工程", "交通基础设施", "城阳区青威路沿线", "3200000000.00", "3150000000.00",
                    "城阳区交通运输局", Step.SUPERVISION, ProjectStatus.ACTIVE, null, 260),
            new Demo("棘洪滩物流园区道路工程", "交通基础设施", "城阳区棘洪滩街道", "1180000000.00", "1160000000.00",
                    "城阳区交通运输局", Step.ACCEPTANCE, ProjectStatus.COMPLETED, null, 420),
            new Demo("城阳区民俗文化旅游综合体", "文旅康养", "城阳区夏庄街道", "2160000000.00", null,
                    "城阳区文化和旅游局", Step.PUBLICATION, ProjectStatus.TERMINATED, "规划调整，项目终止", 200));

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final DemoEnterprises enterprises;
    private final DisclosurePolicy policy;
    private final Clock clock;

    ProjectDemoData(JdbcClient jdbc, UserAccounts users, DemoEnterprises enterprises, DisclosurePolicy policy,
                    Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.enterprises = enterprises;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public void load() {
        long began = System.nanoTime();
        Long scope = users.findByUsername("leader").map(UserAccounts.UserSummary::scopeRegionId).orElse(null);
        user("project_officer", "孙立新", ProjectRoles.PROJECT_OFFICER, scope);
        user("expert_wang", "王建华（交通规划专家）", ProjectRoles.EXPERT, scope);
        user("expert_li", "李敏（造价咨询专家）", ProjectRoles.EXPERT, scope);
        if (jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single() > 0) {
            return;
        }
        List<EnterpriseDirectory.EnterpriseRef> companies = enterprises.ensure(PASSWORD);
        long officer = users.findByUsername("project_officer").orElseThrow().id();
        Instant now = clock.instant();
        int late = 0;
        for (Demo d : PROJECTS) {
            Instant created = now.minus(Duration.ofDays(d.daysAgo()));
            long id = insert(d, officer, created, now);
            history(id, created, "CREATE", Step.PLANNING, "登记项目资源：" + d.name());
            int done = d.status() == ProjectStatus.COMPLETED ? Step.values().length : d.step().ordinal();
            Instant at = created;
            for (Step s : Step.values()) {
                if (s.ordinal() > done || (s.ordinal() == done && done == Step.values().length)) {
                    break;
                }
                Instant started = at;
                if (s.ordinal() < done) {
                    Instant completed = started.plus(Duration.ofDays(Math.max(1, d.daysAgo() / 9)));
                    Instant due = policy.dueAt(completed);
                    boolean lateOne = late == 0 && s == Step.PUBLICATION && d.step() == Step.EVALUATION;
                    late += lateOne ? 1 : 0;
                    Instant disclosed = lateOne ? due.plus(Duration.ofDays(3)) : completed.plus(Duration.ofDays(3));
                    boolean disclose = disclosed.isBefore(now);
                    jdbc.sql("""
                            INSERT INTO project_step (project_id, step, started_at, completed_at, completed_by, result,
                              disclosure_due_at, warn_at, warned_at, disclosed_at, disclosure_text, late_reported_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(id, s.name(), utc(started), utc(completed), "孙立新", s.label() + "已完成",
                                    utc(due), utc(policy.warnAt(completed)), disclose ? null : utc(now),
                                    disclose ? utc(disclosed) : null,
                                    disclose ? d.name() + s.label() + "环节结果：" + resultOf(s) : null,
                                    lateOne ? utc(due) : null).update();
                    history(id, completed, "COMPLETE_STEP", s.next().orElse(s), s.label() + "完成：" + resultOf(s));
                    at = completed;
                } else {
                    jdbc.sql("INSERT INTO project_step (project_id, step, started_at) VALUES (?, ?, ?)")
                            .params(id, s.name(), utc(started)).update();
                }
            }
            if (d.reason() != null) {
                history(id, now.minus(Duration.ofDays(2)), d.status().name(), d.step(), d.reason());
            }
            extras(id, d, now);
            interests(id, d, companies, now);
        }
        LoggerFactory.getLogger(ProjectDemoData.class).info("阳光推介演示数据已载入：{} 个项目（{} ms）", PROJECTS.size(),
                (System.nanoTime() - began) / 1_000_000);
    }

    private static String resultOf(Step s) {
        return switch (s) {
            case PLANNING -> "经第三方机构评审并公开征求意见，规划方案通过";
            case PUBLICATION -> "项目信息已在平台及新华社、人民网、大众日报等媒体发布";
            case SELECTION -> "登记意向企业 5 家，3 家入围";
            case SERVICE -> "明确包联领导，逐一对接入围企业";
            case EXCHANGE -> "与区工商联、交通运输协会开展项目推介交流";
            case EVALUATION -> "第三方专家评审完成，价格协调一致";
            case SUPERVISION -> "招标及资格后审完成，履约节点全部按期";
            case ACCEPTANCE -> "竣工验收合格，决算及投资、预算、资金、质量审计完成";
        };
    }

    private void extras(long id, Demo d, Instant now) {
        if (d.step() == Step.PLANNING) {
            jdbc.sql("UPDATE project SET consultation_opens_at = ?, consultation_closes_at = ? WHERE id = ?")
                    .params(utc(now.minus(Duration.ofDays(5))), utc(policy.endOf(LocalDate.ofInstant(now, policy.zone())
                            .plusDays(10))), id).update();
            jdbc.sql("INSERT INTO project_comment (project_id, author, content, created_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
                    .params(id, "流亭居民", "建议在学校周边增设人行过街设施", utc(now.minus(Duration.ofDays(3))),
                            id, "匿名", "施工期间请合理安排交通疏导", utc(now.minus(Duration.ofDays(1)))).update();
        }
        if (d.step() == Step.SUPERVISION) {
            jdbc.sql("UPDATE project SET tender_no = ?, post_qualified = TRUE, tender_note = ? WHERE id = ?")
                    .params("CYZB-2026-017", "公开招标，资格后审 3 家通过", id).update();
            LocalDate today = LocalDate.ofInstant(now, policy.zone());
            milestone(id, "主线桥梁桩基完成", today.minusDays(30), today.minusDays(33), now);
            milestone(id, "主线路面贯通", today.plusDays(45), null, now);
        }
        if (d.status() == ProjectStatus.COMPLETED) {
            jdbc.sql("""
                    INSERT INTO project_acceptance (project_id, final_account, investment_audit, budget_audit, funds_audit,
                      quality_audit, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, new BigDecimal("1152368000.00"), "投资审计无异常", "预算执行率 99.3%", "资金拨付合规",
                            "工程质量验收合格", utc(now.minus(Duration.ofDays(20)))).update();
        }
    }

    /** Interests of the demo enterprises: undecided while selecting, shortlisted later, with experts invited. */
    private void interests(long id, Demo d, List<EnterpriseDirectory.EnterpriseRef> companies, Instant now) {
        if (d.step().ordinal() < Step.SELECTION.ordinal() || d.status() == ProjectStatus.TERMINATED) {
            return;
        }
        boolean decided = d.step() != Step.SELECTION;
        long member = users.findByUsername("project_officer").orElseThrow().id();
        for (int i = 0; i < companies.size(); i++) {
            var c = companies.get(i);
            jdbc.sql("""
                    INSERT INTO project_interest (project_id, enterprise_id, enterprise_name, capabilities, reference_works,
                      submitted_by, submitted_at, shortlisted, shortlist_reason, shortlisted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, c.id(), c.name(), "市政公路工程施工总承包一级资质，近三年营业收入 " + (30 + 10 * i) + " 亿元",
                            "青岛市重点道路工程 " + (3 + i) + " 项", member, utc(now.minus(Duration.ofDays(d.daysAgo() / 2))),
                            decided ? Boolean.valueOf(i < 2) : null, decided ? (i < 2 ? "资质业绩满足要求" : "同类业绩不足") : null,
                            decided ? utc(now.minus(Duration.ofDays(d.daysAgo() / 3))) : null).update();
        }
        if (d.step() == Step.EVALUATION) {
            for (String expert : List.of("expert_wang", "expert_li")) {
                var u = users.findByUsername(expert).orElseThrow();
                jdbc.sql("INSERT INTO project_expert (project_id, user_id, expert_name, invited_at) VALUES (?, ?, ?, ?)")
                        .params(id, u.id(), u.displayName(), utc(now.minus(Duration.ofDays(3)))).update();
            }
        }
    }

    private void milestone(long id, String name, LocalDate due, LocalDate done, Instant now) {
        jdbc.sql("INSERT INTO project_milestone (project_id, name, due_on, due_at, done_on, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, name, due, utc(policy.endOf(due)), done, utc(now)).update();
    }

    private long insert(Demo d, long officer, Instant created, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project (code, name, category, location, planned_investment, signed_investment,
                  owner_department, summary, step, status, status_reason, created_by, created_at, updated_at,
                  decided_at, price_note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("DEMO-" + d.daysAgo(), d.name(), d.category(), d.location(), new BigDecimal(d.planned()),
                        d.signed() == null ? null : new BigDecimal(d.signed()), d.owner(),
                        d.name() + "，按“阳光推介”八步流程公开推进。", d.step().name(), d.status().name(), d.reason(),
                        officer, utc(created), utc(now), d.signed() == null ? null : utc(now.minus(Duration.ofDays(60))),
                        d.signed() == null ? null : "经价格协调，按评审价签约")
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int year = created.atZone(policy.zone()).getYear();
        jdbc.sql("UPDATE project SET code = ? WHERE id = ?").params(String.format("XM-%d-%04d", year, id), id).update();
        return id;
    }

    private void history(long id, Instant at, String action, Step step, String detail) {
        jdbc.sql("""
                INSERT INTO project_history (project_id, at, actor_id, actor_name, action, step, status, detail)
                VALUES (?, ?, 0, '孙立新', ?, ?, 'ACTIVE', ?)""").params(id, utc(at), action, step.name(), detail).update();
    }

    private void user(String username, String name, String role, Long scope) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(new NewUser(username, name, PASSWORD, Set.of(role), scope, null));
        }
    }
}
