package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The project row, its step records and its append-only history (全程留痕). */
@Repository
class ProjectRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static ProjectRow map(ResultSet rs) throws SQLException {
        return new ProjectRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("category"),
                rs.getString("location"), rs.getBigDecimal("planned_investment"), rs.getBigDecimal("signed_investment"),
                rs.getString("owner_department"), rs.getString("summary"), Step.valueOf(rs.getString("step")),
                ProjectStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                instant(rs, "consultation_opens_at"), instant(rs, "consultation_closes_at"),
                nullableLong(rs, "leader_user_id"), rs.getString("leader_name"), nullableLong(rs, "winner_interest_id"),
                rs.getString("price_note"), instant(rs, "decided_at"), rs.getString("tender_no"),
                bool(rs, "post_qualified"), rs.getString("tender_note"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    Optional<ProjectRow> find(long id) {
        return jdbc.sql("SELECT * FROM project WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    /** The project, locked for this transaction (every command on a project takes this lock first). */
    Optional<ProjectRow> lock(long id) {
        return jdbc.sql("SELECT * FROM project WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> map(rs)).optional();
    }

    long insert(NewProjectData p, CurrentUser by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project (code, name, category, location, planned_investment, owner_department, summary,
                  step, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("TMP-" + UUID.randomUUID().toString().substring(0, 20), p.name(), p.category(), p.location(),
                        p.plannedInvestment(), p.ownerDepartment(), p.summary(), Step.PLANNING.name(),
                        ProjectStatus.ACTIVE.name(), by.id(), utc(now), utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int year = now.atZone(clock.getZone()).getYear();
        jdbc.sql("UPDATE project SET code = ? WHERE id = ?").params(String.format("XM-%d-%04d", year, id), id).update();
        return id;
    }

    /** Moves the project's step and status, if nobody changed it since {@code expectedVersion}. */
    boolean updateState(long id, long expectedVersion, Step step, ProjectStatus status, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE project SET step = ?, status = ?, status_reason = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(step.name(), status.name(), reason, utc(now), id, expectedVersion).update() == 1;
    }

    /** Any other change to the project row: bumps the version. */
    void touch(long id, Instant now) {
        jdbc.sql("UPDATE project SET updated_at = ?, version = version + 1 WHERE id = ?").params(utc(now), id).update();
    }

    void appendHistory(long projectId, Instant at, CurrentUser actor, String action, Step step, ProjectStatus status,
                       String detail) {
        jdbc.sql("""
                INSERT INTO project_history (project_id, at, actor_id, actor_name, action, step, status, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, utc(at), actor == null ? 0L : actor.id(), actor == null ? "系统" : actor.displayName(),
                        action, step.name(), status.name(), detail).update();
    }

    void startStep(long projectId, Step step, Instant now) {
        jdbc.sql("INSERT INTO project_step (project_id, step, started_at) VALUES (?, ?, ?)")
                .params(projectId, step.name(), utc(now)).update();
    }

    void completeStep(long projectId, Step step, Instant now, String by, String result, Instant dueAt, Instant warnAt) {
        jdbc.sql("""
                UPDATE project_step SET completed_at = ?, completed_by = ?, result = ?, disclosure_due_at = ?, warn_at = ?
                WHERE project_id = ? AND step = ? AND completed_at IS NULL""")
                .params(utc(now), by, result, utc(dueAt), utc(warnAt), projectId, step.name()).update();
    }

    /** Discloses a completed step's result once; false when it was not completed or is already disclosed. */
    boolean disclose(long projectId, Step step, Instant now, String text) {
        return jdbc.sql("""
                UPDATE project_step SET disclosed_at = ?, disclosure_text = ?
                WHERE project_id = ? AND step = ? AND completed_at IS NOT NULL AND disclosed_at IS NULL""")
                .params(utc(now), text, projectId, step.name()).update() == 1;
    }

    Optional<StepRecord> stepRecord(long projectId, Step step) {
        return jdbc.sql("SELECT * FROM project_step WHERE project_id = ? AND step = ?").params(projectId, step.name())
                .query((rs, n) -> StepRecord.map(rs)).optional();
    }

    void setConsultation(long id, Instant opens, Instant closes) {
        jdbc.sql("UPDATE project SET consultation_opens_at = ?, consultation_closes_at = ? WHERE id = ?")
                .params(utc(opens), utc(closes), id).update();
    }

    void setLeader(long id, long userId, String name) {
        jdbc.sql("UPDATE project SET leader_user_id = ?, leader_name = ? WHERE id = ?").params(userId, name, id).update();
    }

    void setDecision(long id, long winnerInterestId, BigDecimal signed, String priceNote, Instant at) {
        jdbc.sql("""
                UPDATE project SET winner_interest_id = ?, signed_investment = ?, price_note = ?, decided_at = ?
                WHERE id = ?""").params(winnerInterestId, signed, priceNote, utc(at), id).update();
    }

    void setTender(long id, String tenderNo, boolean postQualified, String note) {
        jdbc.sql("UPDATE project SET tender_no = ?, post_qualified = ?, tender_note = ? WHERE id = ?")
                .params(tenderNo, postQualified, note, id).update();
    }

    void addDocument(long projectId, String title, String url, Instant now) {
        jdbc.sql("INSERT INTO project_document (project_id, title, url, added_at) VALUES (?, ?, ?, ?)")
                .params(projectId, title, url, utc(now)).update();
    }
}
