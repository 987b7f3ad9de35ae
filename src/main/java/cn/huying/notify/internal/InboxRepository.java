package cn.huying.notify.internal;

import cn.huying.notify.Inbox;
import cn.huying.notify.InboxMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InboxRepository implements Inbox {

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    InboxRepository(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long unreadCount(long userId) {
        return count(userId, true);
    }

    @Override
    public List<InboxMessage> latest(long userId, boolean unreadOnly, int limit) {
        return page(userId, unreadOnly, Math.max(1, Math.min(limit, 100)), 0);
    }

    @Override
    public boolean markRead(long userId, long messageId) {
        return markRead(userId, messageId, clock.instant());
    }

    /**
     * One message per user; a message with the same de-duplication key is not delivered twice (one
     * statement each): the key is unique per user ({@code ux_inbox_dedup}, V17_1), so a repeat, even
     * one delivered at the same moment by another transaction, is skipped by the database.
     */
    void deliver(Collection<Long> userIds, String kind, String title, String body, Long caseId, String caseCode,
                 String dedupKey, Instant now) {
        for (long userId : userIds) {
            jdbc.sql("""
                    INSERT INTO inbox_message (user_id, kind, title, body, case_id, case_code, dedup_key, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(userId, kind, title, body, caseId, caseCode, dedupKey, now.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    public List<InboxMessage> page(long userId, boolean unreadOnly, int limit, int offset) {
        return jdbc.sql("SELECT id, kind, title, body, case_id, case_code, created_at, read_at FROM inbox_message"
                        + " WHERE user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(userId, limit, offset)
                .query((rs, n) -> new InboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getString(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(8, java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject(8, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    public long count(long userId, boolean unreadOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : ""))
                .param(userId).query(Long.class).single();
    }

    public boolean markRead(long userId, long id, Instant now) {
        return jdbc.sql("UPDATE inbox_message SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
                .params(now.atOffset(ZoneOffset.UTC), id, userId).update() == 1;
    }

    public int markAllRead(long userId, Instant now) {
        return jdbc.sql("UPDATE inbox_message SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(now.atOffset(ZoneOffset.UTC), userId).update();
    }
}
