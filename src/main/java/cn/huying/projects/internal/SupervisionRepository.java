package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.instant;
import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.projects.internal.Records.Acceptance;
import cn.huying.projects.internal.Records.Milestone;
import cn.huying.projects.internal.Records.Warning;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Milestones, the acceptance record and the officer's warnings. */
@Repository
class SupervisionRepository {

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Milestone milestone(ResultSet rs) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class),
                instant(rs, "missed_reported_at"));
    }

    long addMilestone(long projectId, String name, LocalDate dueOn, Instant dueAt, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO project_milestone (project_id, name, due_on, due_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(projectId, name, dueOn, utc(dueAt), utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Milestone> milestones(long projectId) {
        return jdbc.sql("SELECT * FROM project_milestone WHERE project_id = ? ORDER BY due_on, id").param(projectId)
                .query((rs, n) -> milestone(rs)).list();
    }

    Optional<Milestone> milestone(long projectId, long id) {
        return jdbc.sql("SELECT * FROM project_milestone WHERE project_id = ? AND id = ?").params(projectId, id)
                .query((rs, n) -> milestone(rs)).optional();
    }

    boolean markDone(long id, LocalDate on) {
        return jdbc.sql("UPDATE project_milestone SET done_on = ? WHERE id = ? AND done_on IS NULL").params(on, id)
                .update() == 1;
    }

    /** Milestones past their due instant, unmet and not yet reported, oldest first. */
    List<Milestone> overdueUnreported(Instant now, int limit) {
        return jdbc.sql("""
                SELECT m.* FROM project_milestone m JOIN project p ON p.id = m.project_id
                WHERE m.due_at < ? AND m.done_on IS NULL AND m.missed_reported_at IS NULL AND p.status <> 'TERMINATED'
                ORDER BY m.due_at, m.id LIMIT ?""").params(utc(now), limit).query((rs, n) -> milestone(rs)).list();
    }

    /** Claims the report of a missed milestone: only one node (and one pass) wins. */
    boolean claimMissed(long id, Instant now) {
        return jdbc.sql("""
                UPDATE project_milestone SET missed_reported_at = ?
                WHERE id = ? AND missed_reported_at IS NULL AND done_on IS NULL""").params(utc(now), id).update() == 1;
    }

    void recordAcceptance(long projectId, BigDecimal finalAccount, String investment, String budget, String funds,
                          String quality, Instant now) {
        jdbc.sql("""
                INSERT INTO project_acceptance (project_id, final_account, investment_audit, budget_audit, funds_audit,
                  quality_audit, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, finalAccount, investment, budget, funds, quality, utc(now)).update();
    }

    Optional<Acceptance> acceptance(long projectId) {
        return jdbc.sql("SELECT * FROM project_acceptance WHERE project_id = ?").param(projectId)
                .query((rs, n) -> new Acceptance(rs.getBigDecimal("final_account"), rs.getString("investment_audit"),
                        rs.getString("budget_audit"), rs.getString("funds_audit"), rs.getString("quality_audit"),
                        instant(rs, "recorded_at"))).optional();
    }

    /** Step records whose warning instant has come, undisclosed and not yet warned about. */
    List<long[]> stepsToWarn(Instant now, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.project_id FROM project_step s JOIN project p ON p.id = s.project_id
                WHERE s.warn_at <= ? AND s.warned_at IS NULL AND s.disclosed_at IS NULL AND p.status <> 'TERMINATED'
                ORDER BY s.warn_at, s.id LIMIT ?""")
                .params(utc(now), limit).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    boolean claimWarning(long stepId, Instant now) {
        return jdbc.sql("UPDATE project_step SET warned_at = ? WHERE id = ? AND warned_at IS NULL AND disclosed_at IS NULL")
                .params(utc(now), stepId).update() == 1;
    }

    /** Step records past their disclosure deadline, undisclosed and not yet reported late. */
    List<long[]> stepsLate(Instant now, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.project_id FROM project_step s JOIN project p ON p.id = s.project_id
                WHERE s.disclosure_due_at < ? AND s.late_reported_at IS NULL AND s.disclosed_at IS NULL
                  AND p.status <> 'TERMINATED'
                ORDER BY s.disclosure_due_at, s.id LIMIT ?""")
                .params(utc(now), limit).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    boolean claimLate(long stepId, Instant now) {
        return jdbc.sql("UPDATE project_step SET late_reported_at = ? WHERE id = ? AND late_reported_at IS NULL"
                + " AND disclosed_at IS NULL").params(utc(now), stepId).update() == 1;
    }

    String stepName(long stepId) {
        return jdbc.sql("SELECT step FROM project_step WHERE id = ?").param(stepId).query(String.class).single();
    }

    /** A warning, once per key. */
    void warn(long projectId, String kind, String key, String message, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO project_warning (project_id, kind, dedup_key, message, created_at) VALUES (?, ?, ?, ?, ?)""")
                    .params(projectId, kind, key, message, utc(now)).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyWarned();
        }
    }

    /** The newest warnings. */
    List<Warning> warnings(int limit) {
        return jdbc.sql("""
                SELECT w.*, p.code, p.name FROM project_warning w JOIN project p ON p.id = w.project_id
                ORDER BY w.created_at DESC, w.id DESC LIMIT ?""").param(limit)
                .query((rs, n) -> new Warning(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("kind"), rs.getString("message"), instant(rs, "created_at")))
                .list();
    }

    List<Warning> warningsOf(long projectId) {
        return jdbc.sql("""
                SELECT w.*, p.code, p.name FROM project_warning w JOIN project p ON p.id = w.project_id
                WHERE w.project_id = ? ORDER BY w.id""").param(projectId)
                .query((rs, n) -> new Warning(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("kind"), rs.getString("message"), instant(rs, "created_at")))
                .list();
    }

    /** Another node wrote the same warning first. */
    static final class AlreadyWarned extends RuntimeException {
        AlreadyWarned() {
            super(null, null, false, false);
        }
    }
}
