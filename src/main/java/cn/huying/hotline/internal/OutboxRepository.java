package cn.huying.hotline.internal;

import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hotline outbox. A message is PENDING until the hotline acknowledges it, then SENT for good.
 * Only the head of a case (its lowest PENDING seq with every earlier one SENT) may be sent, and a
 * node claims it with a lease by a conditional UPDATE, which PostgreSQL and H2 both re-check after
 * waiting for a competing claim; so messages of one case go out one at a time, in order.
 */
@Repository
class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    /** An outbox entry as the administration sees it. */
    record Entry(long id, String messageId, long caseId, String orderNo, int seq, String type, String state,
                 int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Integer lastStatus,
                 String lastError) {
    }

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a message after the case's last one; the caller holds the lock on the case's order row. */
    void append(long caseId, String orderNo, String messageId, int seq, HotlineMessageType type, String payload,
                Instant now) {
        jdbc.sql("""
                INSERT INTO hotline_outbox (message_id, case_id, order_no, seq, type, payload, state, attempts,
                                            created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(messageId, caseId, orderNo, seq, type.name(), payload, Open311Repository.utc(now),
                        Open311Repository.utc(now))
                .update();
    }

    int nextSeq(long caseId) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM hotline_outbox WHERE case_id = ?").param(caseId)
                .query(Integer.class).single();
    }

    /** The heads of cases due for delivery, oldest first. */
    List<OutboxMessage> dueHeads(Instant now, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.message_id, o.case_id, o.order_no, o.seq, o.type, o.payload, o.attempts
                FROM hotline_outbox o
                WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
                  AND NOT EXISTS (SELECT 1 FROM hotline_outbox p
                                  WHERE p.case_id = o.case_id AND p.seq < o.seq AND p.state <> 'SENT')
                ORDER BY o.next_attempt_at, o.id
                LIMIT ?""")
                .params(Open311Repository.utc(now), Open311Repository.utc(now), limit)
                .query(OutboxRepository::message).list();
    }

    /** Pending messages after an id, for the log when no webhook is configured. */
    List<OutboxMessage> pendingAfter(long id, int limit) {
        return jdbc.sql("""
                SELECT id, message_id, case_id, order_no, seq, type, payload, attempts FROM hotline_outbox
                WHERE state = 'PENDING' AND id > ? ORDER BY id LIMIT ?""")
                .params(id, limit).query(OutboxRepository::message).list();
    }

    private static OutboxMessage message(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getLong("case_id"),
                rs.getString("order_no"), rs.getInt("seq"), rs.getString("type"), rs.getString("payload"),
                rs.getInt("attempts"));
    }

    /** Reserves a due message for this node until {@code leaseUntil}; false if another node has it or it is done. */
    boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE hotline_outbox SET lease_owner = ?, lease_until = ?
                WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)""")
                .params(owner, Open311Repository.utc(leaseUntil), id, Open311Repository.utc(now),
                        Open311Repository.utc(now))
                .update() == 1;
    }

    /** The hotline acknowledged the message: it is never sent again. */
    void markSent(long id, Instant at, int status) {
        jdbc.sql("""
                UPDATE hotline_outbox SET state = 'SENT', sent_at = ?, attempts = attempts + 1, last_status = ?,
                       last_error = NULL, lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND state = 'PENDING'""")
                .params(Open311Repository.utc(at), status, id).update();
    }

    /** The delivery failed: try again at {@code nextAttempt}. */
    void markFailed(long id, String owner, Instant nextAttempt, Integer status, String error) {
        jdbc.sql("""
                UPDATE hotline_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?,
                       lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND state = 'PENDING' AND lease_owner = ?""")
                .params(Open311Repository.utc(nextAttempt), status, error, id, owner).update();
    }

    /** Makes a pending message due now (after the hotline's endpoint was repaired). */
    boolean retryNow(long id, Instant now) {
        return jdbc.sql("UPDATE hotline_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING'")
                .params(Open311Repository.utc(now), id).update() == 1;
    }

    PageResult<Entry> page(String state, String orderNo, PageRequest page) {
        String where = " WHERE (CAST(? AS VARCHAR(10)) IS NULL OR state = ?) AND (CAST(? AS VARCHAR(64)) IS NULL OR order_no = ?)";
        List<Entry> items = jdbc.sql("""
                SELECT id, message_id, case_id, order_no, seq, type, state, attempts, created_at, next_attempt_at,
                       sent_at, last_status, last_error FROM hotline_outbox""" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(state, state, orderNo, orderNo, page.size(), page.offset())
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("message_id"), rs.getLong("case_id"),
                        rs.getString("order_no"), rs.getInt("seq"), rs.getString("type"), rs.getString("state"),
                        rs.getInt("attempts"), Open311Repository.instant(rs, "created_at"),
                        Open311Repository.instant(rs, "next_attempt_at"), Open311Repository.instant(rs, "sent_at"),
                        rs.getObject("last_status", Integer.class), rs.getString("last_error")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM hotline_outbox" + where)
                .params(state, state, orderNo, orderNo).query(Long.class).single();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
