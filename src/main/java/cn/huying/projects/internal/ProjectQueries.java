package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.instant;
import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.projects.internal.Records.Document;
import cn.huying.projects.internal.Records.History;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of projects: the officer's list, one project with all its records, the public list and the feed. */
@Component
@Transactional(readOnly = true)
public class ProjectQueries {

    /** Shown to the public: its consultation was opened, or a step's result was disclosed. */
    private static final String PUBLIC = "(p.consultation_opens_at IS NOT NULL OR EXISTS (SELECT 1 FROM project_step d"
            + " WHERE d.project_id = p.id AND d.disclosed_at IS NOT NULL))";

    /** A disclosure as the feed and the public page show it. */
    public record Disclosure(long projectId, String projectCode, String projectName, Step step, Instant completedAt,
                             Instant dueAt, Instant disclosedAt, String text) {

        public boolean onTime() {
            return disclosedAt != null && !disclosedAt.isAfter(dueAt);
        }
    }

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final SupervisionRepository supervision;

    ProjectQueries(JdbcClient jdbc, ProjectRepository projects, SupervisionRepository supervision) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.supervision = supervision;
    }

    /** The officer's newest warnings: disclosures due soon or late, milestones missed. */
    public List<Records.Warning> warnings(int limit) {
        return supervision.warnings(limit);
    }

    static ProjectSummary summary(ResultSet rs) throws SQLException {
        return new ProjectSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("category"),
                rs.getString("location"), rs.getBigDecimal("planned_investment"), rs.getBigDecimal("signed_investment"),
                rs.getString("owner_department"), Step.valueOf(rs.getString("step")),
                ProjectStatus.valueOf(rs.getString("status")), instant(rs, "updated_at"));
    }

    /** The officer's list, optionally of one step or status, newest change first. */
    public PageResult<ProjectSummary> list(Step step, ProjectStatus status, PageRequest page) {
        String where = " WHERE (CAST(? AS VARCHAR(20)) IS NULL OR p.step = ?) AND (CAST(? AS VARCHAR(20)) IS NULL OR p.status = ?)";
        String s = step == null ? null : step.name();
        String st = status == null ? null : status.name();
        long total = jdbc.sql("SELECT COUNT(*) FROM project p" + where).params(s, s, st, st).query(Long.class).single();
        List<ProjectSummary> items = jdbc.sql("SELECT p.* FROM project p" + where
                        + " ORDER BY p.updated_at DESC, p.id DESC LIMIT ? OFFSET ?")
                .params(s, s, st, st, page.size(), page.offset()).query((rs, n) -> summary(rs)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Projects whose current step is one of these, active ones only (the enterprise's open projects). */
    public List<ProjectSummary> activeAt(Step step) {
        return jdbc.sql("SELECT p.* FROM project p WHERE p.status = 'ACTIVE' AND p.step = ? ORDER BY p.id DESC")
                .param(step.name()).query((rs, n) -> summary(rs)).list();
    }

    /** Projects whose responsible leader is this user. */
    public List<ProjectSummary> ledBy(long userId) {
        return jdbc.sql("SELECT p.* FROM project p WHERE p.leader_user_id = ? ORDER BY p.updated_at DESC")
                .param(userId).query((rs, n) -> summary(rs)).list();
    }

    public ProjectRow project(long id) {
        return projects.find(id).orElseThrow(() -> DomainException.notFound("projects.not-found", id));
    }

    /** A project the public may see (404 otherwise: the rule is in the query). */
    public ProjectRow publicProject(long id) {
        return jdbc.sql("SELECT p.* FROM project p WHERE p.id = ? AND " + PUBLIC).param(id)
                .query((rs, n) -> ProjectRepository.map(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("projects.not-found", id));
    }

    public PageResult<ProjectSummary> publicList(PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM project p WHERE " + PUBLIC).query(Long.class).single();
        List<ProjectSummary> items = jdbc.sql("SELECT p.* FROM project p WHERE " + PUBLIC
                        + " ORDER BY p.updated_at DESC, p.id DESC LIMIT ? OFFSET ?")
                .params(page.size(), page.offset()).query((rs, n) -> summary(rs)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public List<StepRecord> steps(long projectId) {
        return jdbc.sql("SELECT * FROM project_step WHERE project_id = ? ORDER BY started_at, id").param(projectId)
                .query((rs, n) -> StepRecord.map(rs)).list().stream()
                .sorted(java.util.Comparator.comparing(StepRecord::step)).toList();
    }

    public List<History> history(long projectId) {
        return jdbc.sql("SELECT * FROM project_history WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> new History(rs.getLong("id"), instant(rs, "at"), rs.getString("actor_name"),
                        rs.getString("action"), rs.getString("step"), rs.getString("status"), rs.getString("detail")))
                .list();
    }

    public List<Document> documents(long projectId) {
        return jdbc.sql("SELECT * FROM project_document WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("title"), rs.getString("url"))).list();
    }

    private static Disclosure disclosure(ResultSet rs) throws SQLException {
        return new Disclosure(rs.getLong("project_id"), rs.getString("code"), rs.getString("name"),
                Step.valueOf(rs.getString("step")), instant(rs, "completed_at"), instant(rs, "disclosure_due_at"),
                instant(rs, "disclosed_at"), rs.getString("disclosure_text"));
    }

    /** The newest disclosures of every project, for the Atom feed. */
    public List<Disclosure> latestDisclosures(int limit) {
        return jdbc.sql("""
                SELECT s.*, p.code, p.name FROM project_step s JOIN project p ON p.id = s.project_id
                WHERE s.disclosed_at IS NOT NULL ORDER BY s.disclosed_at DESC, s.id DESC LIMIT ?""")
                .param(limit).query((rs, n) -> disclosure(rs)).list();
    }

    /**
     * Disclosures not made within their limit: disclosed after it, or still undisclosed after it at {@code now}
     * (the officer's list of late disclosures). A terminated project's undisclosed steps are not listed: nothing
     * may be disclosed after termination.
     */
    public List<Disclosure> lateDisclosures(Instant now) {
        return jdbc.sql("""
                SELECT s.*, p.code, p.name FROM project_step s JOIN project p ON p.id = s.project_id
                WHERE s.disclosure_due_at IS NOT NULL
                  AND ((s.disclosed_at IS NULL AND s.disclosure_due_at < ? AND p.status <> 'TERMINATED')
                    OR s.disclosed_at > s.disclosure_due_at)
                ORDER BY s.disclosure_due_at, s.id""").param(utc(now)).query((rs, n) -> disclosure(rs)).list();
    }

    /** Completed steps still to disclose, soonest limit first (the officer's to-do list). */
    public List<Disclosure> pendingDisclosures() {
        return jdbc.sql("""
                SELECT s.*, p.code, p.name FROM project_step s JOIN project p ON p.id = s.project_id
                WHERE s.completed_at IS NOT NULL AND s.disclosed_at IS NULL AND p.status <> 'TERMINATED'
                ORDER BY s.disclosure_due_at, s.id""").query((rs, n) -> disclosure(rs)).list();
    }
}
