package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.bool;
import static cn.huying.projects.internal.ProjectRepository.instant;
import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.projects.internal.Records.Comment;
import cn.huying.projects.internal.Records.Contact;
import cn.huying.projects.internal.Records.Exchange;
import cn.huying.projects.internal.Records.Expert;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.projects.internal.Records.Score;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Comments, interests, contacts, exchanges, experts and scores of projects. */
@Repository
class WorkRepository {

    private final JdbcClient jdbc;

    WorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addComment(long projectId, String author, String content, Instant now) {
        jdbc.sql("INSERT INTO project_comment (project_id, author, content, created_at) VALUES (?, ?, ?, ?)")
                .params(projectId, author, content, utc(now)).update();
    }

    List<Comment> comments(long projectId) {
        return jdbc.sql("SELECT * FROM project_comment WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("content"),
                        instant(rs, "created_at"))).list();
    }

    static Interest interest(ResultSet rs) throws SQLException {
        return new Interest(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), rs.getString("capabilities"), rs.getString("reference_works"),
                instant(rs, "submitted_at"), bool(rs, "shortlisted"), rs.getString("shortlist_reason"));
    }

    boolean interestExists(long projectId, long enterpriseId) {
        return jdbc.sql("SELECT COUNT(*) FROM project_interest WHERE project_id = ? AND enterprise_id = ?")
                .params(projectId, enterpriseId).query(Long.class).single() > 0;
    }

    long addInterest(long projectId, long enterpriseId, String enterpriseName, String capabilities, String references,
                     long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO project_interest (project_id, enterprise_id, enterprise_name, capabilities, reference_works,
                  submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, enterpriseId, enterpriseName, capabilities, references, by, utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Interest> interests(long projectId) {
        return jdbc.sql("SELECT * FROM project_interest WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> interest(rs)).list();
    }

    Optional<Interest> interest(long projectId, long interestId) {
        return jdbc.sql("SELECT * FROM project_interest WHERE project_id = ? AND id = ?").params(projectId, interestId)
                .query((rs, n) -> interest(rs)).optional();
    }

    /** The interests one enterprise registered, newest first (its own only: the enterprise id is in the query). */
    List<Interest> interestsOf(long enterpriseId) {
        return jdbc.sql("SELECT * FROM project_interest WHERE enterprise_id = ? ORDER BY id DESC").param(enterpriseId)
                .query((rs, n) -> interest(rs)).list();
    }

    void shortlist(long interestId, boolean shortlisted, String reason, Instant now) {
        jdbc.sql("UPDATE project_interest SET shortlisted = ?, shortlist_reason = ?, shortlisted_at = ? WHERE id = ?")
                .params(shortlisted, reason, utc(now), interestId).update();
    }

    void addContact(long projectId, long interestId, LocalDate on, String mode, String summary, long by, String byName,
                    Instant now) {
        jdbc.sql("""
                INSERT INTO project_contact (project_id, interest_id, contact_on, mode, summary, logged_by, logged_by_name,
                  logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, interestId, on, mode, summary, by, byName, utc(now)).update();
    }

    List<Contact> contacts(long projectId) {
        return jdbc.sql("""
                SELECT c.*, i.enterprise_name FROM project_contact c JOIN project_interest i ON i.id = c.interest_id
                WHERE c.project_id = ? ORDER BY c.contact_on, c.id""").param(projectId)
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("enterprise_name"),
                        rs.getObject("contact_on", LocalDate.class), rs.getString("mode"), rs.getString("summary"),
                        rs.getString("logged_by_name"), instant(rs, "logged_at"))).list();
    }

    void addExchange(long projectId, String association, LocalDate on, String summary, long by, Instant now) {
        jdbc.sql("""
                INSERT INTO project_exchange (project_id, association, held_on, summary, logged_by, logged_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(projectId, association, on, summary, by, utc(now)).update();
    }

    List<Exchange> exchanges(long projectId) {
        return jdbc.sql("SELECT * FROM project_exchange WHERE project_id = ? ORDER BY held_on, id").param(projectId)
                .query((rs, n) -> new Exchange(rs.getLong("id"), rs.getString("association"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("summary"), instant(rs, "logged_at")))
                .list();
    }

    static Expert expert(ResultSet rs) throws SQLException {
        return new Expert(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("user_id"), rs.getString("expert_name"),
                instant(rs, "declared_at"), bool(rs, "conflict"), rs.getString("declaration"),
                instant(rs, "submitted_at"));
    }

    boolean expertInvited(long projectId, long userId) {
        return expertOf(projectId, userId).isPresent();
    }

    void inviteExpert(long projectId, long userId, String name, Instant now) {
        jdbc.sql("INSERT INTO project_expert (project_id, user_id, expert_name, invited_at) VALUES (?, ?, ?, ?)")
                .params(projectId, userId, name, utc(now)).update();
    }

    List<Expert> experts(long projectId) {
        return jdbc.sql("SELECT * FROM project_expert WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> expert(rs)).list();
    }

    /** The expert's own invitation on a project (the user id is in the query: nobody else's). */
    Optional<Expert> expertOf(long projectId, long userId) {
        return jdbc.sql("SELECT * FROM project_expert WHERE project_id = ? AND user_id = ?").params(projectId, userId)
                .query((rs, n) -> expert(rs)).optional();
    }

    /** Every invitation of one expert, newest first. */
    List<Expert> invitationsOf(long userId) {
        return jdbc.sql("SELECT * FROM project_expert WHERE user_id = ? ORDER BY id DESC").param(userId)
                .query((rs, n) -> expert(rs)).list();
    }

    /** Records the declaration once; false when one was made already. */
    boolean declare(long expertId, boolean conflict, String declaration, Instant now) {
        return jdbc.sql("""
                UPDATE project_expert SET conflict = ?, declaration = ?, declared_at = ?
                WHERE id = ? AND declared_at IS NULL""").params(conflict, declaration, utc(now), expertId).update() == 1;
    }

    /** Marks the expert's scores submitted once; false when a conflicted, undeclared or submitted expert tries. */
    boolean markSubmitted(long expertId, Instant now) {
        return jdbc.sql("""
                UPDATE project_expert SET submitted_at = ?
                WHERE id = ? AND declared_at IS NOT NULL AND conflict = FALSE AND submitted_at IS NULL""")
                .params(utc(now), expertId).update() == 1;
    }

    void addScore(long projectId, long expertId, long interestId, BigDecimal score, String remark) {
        jdbc.sql("INSERT INTO project_score (project_id, expert_id, interest_id, score, remark) VALUES (?, ?, ?, ?, ?)")
                .params(projectId, expertId, interestId, score, remark).update();
    }

    /** Every score of a project (read only where the rules allow: the expert's own, or after the decision). */
    List<Score> scores(long projectId) {
        return jdbc.sql("""
                SELECT s.*, e.expert_name, i.enterprise_name FROM project_score s
                JOIN project_expert e ON e.id = s.expert_id JOIN project_interest i ON i.id = s.interest_id
                WHERE s.project_id = ? ORDER BY i.id, e.id""").param(projectId)
                .query((rs, n) -> score(rs)).list();
    }

    /** One expert's own scores. */
    List<Score> scoresOf(long expertId) {
        return jdbc.sql("""
                SELECT s.*, e.expert_name, i.enterprise_name FROM project_score s
                JOIN project_expert e ON e.id = s.expert_id JOIN project_interest i ON i.id = s.interest_id
                WHERE s.expert_id = ? ORDER BY i.id""").param(expertId)
                .query((rs, n) -> score(rs)).list();
    }

    private static Score score(ResultSet rs) throws SQLException {
        return new Score(rs.getLong("expert_id"), rs.getString("expert_name"), rs.getLong("interest_id"),
                rs.getString("enterprise_name"), rs.getBigDecimal("score"), rs.getString("remark"));
    }
}
