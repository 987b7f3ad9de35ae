package cn.huying.finance.internal;

import cn.huying.finance.CloseReason;
import cn.huying.finance.EngagementStatus;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.NeedStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code fin_need}, {@code fin_engagement}, {@code fin_engagement_step}; every read carries its scope. */
@Repository
class NeedRepository {

    /** The bank set of a bank user: its own id and, for a head office, its branches. */
    static final String BANK_SET = "(SELECT id FROM fin_bank WHERE id = :bank OR parent_id = :bank)";

    private static final String NEED = """
            SELECT n.id, n.enterprise_id, n.enterprise_name, n.purpose, n.amount, n.term_months, n.max_rate, n.guarantee,
                   n.status, n.close_reason, n.created_at, n.published_at, n.closed_at,
                   (SELECT COUNT(*) FROM fin_engagement e WHERE e.need_id = n.id AND e.status NOT IN ('LAPSED', 'REJECTED')) AS slots
            FROM fin_need n""";

    private static final String ENGAGEMENT = """
            SELECT e.id, e.need_id, e.bank_id, b.name AS bank_name, n.enterprise_name, n.amount AS need_amount, e.status,
                   e.started_at, e.contact_due, e.contacted_at, e.approved_amount, e.disbursed_amount, e.disbursed_at
            FROM fin_engagement e JOIN fin_bank b ON b.id = e.bank_id JOIN fin_need n ON n.id = e.need_id""";

    private final JdbcClient jdbc;

    NeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    long insertNeed(long enterpriseId, String enterpriseName, String purpose, BigDecimal amount, int term, BigDecimal maxRate,
                    GuaranteeType guarantee, NeedStatus status, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_need (enterprise_id, enterprise_name, purpose, amount, term_months, max_rate, guarantee, status,
                  created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(enterpriseId, enterpriseName, purpose, amount, term, maxRate, guarantee.name(), status.name(),
                        utc(now), status == NeedStatus.PUBLISHED ? utc(now) : null)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<NeedView> need(long id) {
        return jdbc.sql(NEED + " WHERE n.id = ?").param(id).query(NeedRepository::needRow).optional();
    }

    /** Locks the need's row for the rest of the transaction (the cap of banks is counted under it). */
    Optional<NeedView> lockNeed(long id) {
        jdbc.sql("SELECT id FROM fin_need WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        return need(id);
    }

    Optional<NeedView> needOfEnterprise(long id, long enterpriseId) {
        return jdbc.sql(NEED + " WHERE n.id = ? AND n.enterprise_id = ?").params(id, enterpriseId)
                .query(NeedRepository::needRow).optional();
    }

    /** A need a bank may see: published or matching, or one its bank set serves. */
    Optional<NeedView> needForBank(long id, long bank) {
        return jdbc.sql(NEED + " WHERE n.id = :id AND (n.status IN ('PUBLISHED', 'MATCHING') OR EXISTS (SELECT 1 FROM"
                        + " fin_engagement e WHERE e.need_id = n.id AND e.bank_id IN " + BANK_SET + "))")
                .param("id", id).param("bank", bank).query(NeedRepository::needRow).optional();
    }

    List<NeedView> needsOfEnterprise(long enterpriseId) {
        return jdbc.sql(NEED + " WHERE n.enterprise_id = ? ORDER BY n.created_at DESC, n.id DESC").param(enterpriseId)
                .query(NeedRepository::needRow).list();
    }

    /** Needs a bank sees: open ones (published or matching) and those its bank set serves. */
    List<NeedView> needsForBank(long bank) {
        return jdbc.sql(NEED + " WHERE n.status IN ('PUBLISHED', 'MATCHING') OR EXISTS (SELECT 1 FROM fin_engagement e"
                        + " WHERE e.need_id = n.id AND e.bank_id IN " + BANK_SET + ") ORDER BY n.published_at DESC, n.id DESC")
                .param("bank", bank).query(NeedRepository::needRow).list();
    }

    List<NeedView> allNeeds(NeedStatus status) {
        if (status == null) {
            return jdbc.sql(NEED + " ORDER BY n.created_at DESC, n.id DESC").query(NeedRepository::needRow).list();
        }
        return jdbc.sql(NEED + " WHERE n.status = ? ORDER BY n.created_at DESC, n.id DESC").param(status.name())
                .query(NeedRepository::needRow).list();
    }

    /** Moves a need between states; false when it was not in {@code from}. */
    boolean moveNeed(long id, NeedStatus from, NeedStatus to, CloseReason reason, Instant now) {
        return jdbc.sql("""
                UPDATE fin_need SET status = ?, close_reason = ?,
                  published_at = CASE WHEN ? = 'PUBLISHED' AND published_at IS NULL THEN ? ELSE published_at END,
                  closed_at = CASE WHEN ? = 'CLOSED' THEN ? ELSE closed_at END
                WHERE id = ? AND status = ?""")
                .params(to.name(), reason == null ? null : reason.name(), to.name(), utc(now), to.name(), utc(now), id,
                        from.name()).update() == 1;
    }

    boolean bankEngaged(long needId, long bankId) {
        return jdbc.sql("SELECT COUNT(*) FROM fin_engagement WHERE need_id = ? AND bank_id = ?").params(needId, bankId)
                .query(Long.class).single() > 0;
    }

    long slotsHeld(long needId) {
        return jdbc.sql("SELECT COUNT(*) FROM fin_engagement WHERE need_id = ? AND status NOT IN ('LAPSED', 'REJECTED')")
                .param(needId).query(Long.class).single();
    }

    long insertEngagement(long needId, long bankId, EngagementStatus status, Instant now, Instant due) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_engagement (need_id, bank_id, status, started_at, contact_due, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(needId, bankId, status.name(), utc(now), utc(due), utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void step(long engagementId, EngagementStatus from, EngagementStatus to, Instant at, String by, String note) {
        jdbc.sql("INSERT INTO fin_engagement_step (engagement_id, from_status, to_status, at, by_user, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(engagementId, from == null ? null : from.name(), to.name(), utc(at), by, note).update();
    }

    /**
     * One step of the table, conditional on the state read (a concurrent step or the sweep wins once). The first
     * contact must come before the deadline.
     */
    boolean moveEngagement(long id, EngagementStatus from, EngagementStatus to, Instant now, BigDecimal amount) {
        String set = switch (to) {
            case CONTACTED -> ", contacted_at = :now";
            case APPROVED -> ", approved_amount = :amount";
            case DISBURSED -> ", disbursed_amount = :amount, disbursed_at = :now";
            default -> "";
        };
        String due = to == EngagementStatus.CONTACTED ? " AND contact_due >= :now" : "";
        return jdbc.sql("UPDATE fin_engagement SET status = :to, updated_at = :now" + set
                        + " WHERE id = :id AND status = :from" + due)
                .param("to", to.name()).param("now", utc(now)).param("amount", amount).param("id", id)
                .param("from", from.name()).update() == 1;
    }

    Optional<EngagementView> engagement(long id) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.id = ?").param(id).query(NeedRepository::engagementRow).optional();
    }

    Optional<EngagementView> engagementForBank(long id, long bank) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.id = :id AND e.bank_id IN " + BANK_SET).param("id", id).param("bank", bank)
                .query(NeedRepository::engagementRow).optional();
    }

    Optional<EngagementView> engagementForEnterprise(long id, long enterpriseId) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.id = ? AND n.enterprise_id = ?").params(id, enterpriseId)
                .query(NeedRepository::engagementRow).optional();
    }

    List<EngagementView> engagementsOfNeed(long needId) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.need_id = ? ORDER BY e.id").param(needId).query(NeedRepository::engagementRow).list();
    }

    List<EngagementView> engagementsOfNeedForBank(long needId, long bank) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.need_id = :need AND e.bank_id IN " + BANK_SET + " ORDER BY e.id")
                .param("need", needId).param("bank", bank).query(NeedRepository::engagementRow).list();
    }

    List<EngagementView> pipelineOfBank(long bank) {
        return jdbc.sql(ENGAGEMENT + " WHERE e.bank_id IN " + BANK_SET + " ORDER BY e.updated_at DESC, e.id DESC")
                .param("bank", bank).query(NeedRepository::engagementRow).list();
    }

    List<EngagementView> allEngagements() {
        return jdbc.sql(ENGAGEMENT + " ORDER BY e.updated_at DESC, e.id DESC").query(NeedRepository::engagementRow).list();
    }

    List<StepView> steps(long engagementId) {
        return jdbc.sql("SELECT from_status, to_status, at, by_user, note FROM fin_engagement_step WHERE engagement_id = ? ORDER BY id")
                .param(engagementId).query((rs, n) -> new StepView(
                        rs.getString(1) == null ? null : EngagementStatus.valueOf(rs.getString(1)),
                        EngagementStatus.valueOf(rs.getString(2)), instant(rs, "at"), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Engagements waiting for first contact past their deadline, oldest first. */
    List<Long> overdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM fin_engagement WHERE status IN ('ASSIGNED', 'TAKEN') AND contact_due < ?
                ORDER BY contact_due, id LIMIT ?""").params(utc(now), limit).query(Long.class).list();
    }

    /** Lapses one overdue engagement; only the node whose conditional update changes the row goes on. */
    Optional<EngagementStatus> lapse(long id, Instant now) {
        Optional<String> before = jdbc.sql("SELECT status FROM fin_engagement WHERE id = ?").param(id).query(String.class).optional();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int changed = jdbc.sql("""
                UPDATE fin_engagement SET status = 'LAPSED', updated_at = ?
                WHERE id = ? AND status = ? AND status IN ('ASSIGNED', 'TAKEN') AND contact_due < ?""")
                .params(utc(now), id, before.get(), utc(now)).update();
        return changed == 1 ? Optional.of(EngagementStatus.valueOf(before.get())) : Optional.empty();
    }

    void alert(String kind, long engagementId, String message, Instant at) {
        jdbc.sql("INSERT INTO fin_alert (kind, engagement_id, message, at, seen) VALUES (?, ?, ?, ?, FALSE)")
                .params(kind, engagementId, message, utc(at)).update();
    }

    List<AlertView> alerts() {
        return jdbc.sql("""
                SELECT a.id, a.kind, a.engagement_id, e.need_id, b.name, a.message, a.at FROM fin_alert a
                JOIN fin_engagement e ON e.id = a.engagement_id JOIN fin_bank b ON b.id = e.bank_id ORDER BY a.at DESC, a.id DESC""")
                .query((rs, n) -> new AlertView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), instant(rs, "at"))).list();
    }

    static NeedView needRow(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("close_reason");
        return new NeedView(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("purpose"), rs.getBigDecimal("amount"), rs.getInt("term_months"), rs.getBigDecimal("max_rate"),
                GuaranteeType.valueOf(rs.getString("guarantee")), NeedStatus.valueOf(rs.getString("status")),
                reason == null ? null : CloseReason.valueOf(reason), instant(rs, "created_at"), instant(rs, "published_at"),
                instant(rs, "closed_at"), rs.getInt("slots"));
    }

    static EngagementView engagementRow(ResultSet rs, int n) throws SQLException {
        EngagementStatus status = EngagementStatus.valueOf(rs.getString("status"));
        return new EngagementView(rs.getLong("id"), rs.getLong("need_id"), rs.getLong("bank_id"), rs.getString("bank_name"),
                rs.getString("enterprise_name"), rs.getBigDecimal("need_amount"), status, instant(rs, "started_at"),
                instant(rs, "contact_due"), instant(rs, "contacted_at"), rs.getBigDecimal("approved_amount"),
                rs.getBigDecimal("disbursed_amount"), instant(rs, "disbursed_at"), status.nextByBank());
    }
}
