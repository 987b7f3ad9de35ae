package cn.huying.cases.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadlines of the service loop (table {@code case_watch}): first contact, revisit, promised date, time at a
 * tier. A row is looked at when its {@code next_at} comes (the reminder, then the deadline); claiming it is a
 * conditional update, so with several nodes each row is handled once.
 */
@Repository
class CaseWatches {

    /** The kinds of deadline the loop watches. */
    enum Kind {
        /** 首次联系 — contact the citizen (响应). */
        FIRST_CONTACT,
        /** 回访 — revisit of the citizen after closing. */
        REVISIT,
        /** 承诺时限 — the new date promised with staged progress 阶段性进展. */
        PROGRESS,
        /** 层级时限 — the time a case may sit at the grid or village tier. */
        TIER
    }

    /** One watched deadline as the sweep reads it. */
    record Watch(long id, long caseId, Kind kind, String tier, Instant dueAt, Instant remindAt, Instant nextAt,
                 Instant remindedAt, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CaseWatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts watching a deadline; the same case, kind and deadline twice is one row. */
    void watch(long caseId, Kind kind, String tier, Instant dueAt, Instant remindAt, Instant now) {
        Instant first = remindAt != null && remindAt.isBefore(dueAt) ? remindAt : dueAt;
        jdbc.sql("""
                INSERT INTO case_watch (case_id, kind, tier, due_at, remind_at, next_at, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
                  (SELECT 1 FROM case_watch WHERE case_id = ? AND kind = ? AND due_at = ?)""")
                .params(caseId, kind.name(), tier, CaseRows.utc(dueAt), CaseRows.utc(remindAt),
                        CaseRows.utc(first), CaseRows.utc(now), caseId, kind.name(), CaseRows.utc(dueAt))
                .update();
    }

    /**
     * The case's watches of these kinds are done (the contact was made, the revisit taken …), in one statement: it runs
     * inside the step of the case itself. One already missed keeps its miss and records when it was done after all
     * (a late revisit in the ledger).
     */
    int done(long caseId, Instant now, Kind... kinds) {
        StringBuilder in = new StringBuilder();
        java.util.List<Object> params = new java.util.ArrayList<>(List.of(CaseRows.utc(now), caseId));
        for (Kind k : kinds) {
            in.append(in.isEmpty() ? "?" : ", ?");
            params.add(k.name());
        }
        return jdbc.sql("UPDATE case_watch SET done_at = ?, next_at = NULL WHERE case_id = ? AND kind IN (" + in
                + ") AND done_at IS NULL").params(params).update();
    }

    /** Rows whose next instant has come, oldest id first after {@code afterId}. */
    List<Watch> due(Instant now, long afterId, int limit) {
        return jdbc.sql("SELECT id, case_id, kind, tier, due_at, remind_at, next_at, reminded_at, created_at"
                        + " FROM case_watch WHERE next_at <= ? AND id > ? ORDER BY id LIMIT ?")
                .params(CaseRows.utc(now), afterId, limit)
                .query((rs, n) -> new Watch(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        CaseRows.instant(rs, "due_at"), CaseRows.instant(rs, "remind_at"),
                        CaseRows.instant(rs, "next_at"), CaseRows.instant(rs, "reminded_at"),
                        CaseRows.instant(rs, "created_at")))
                .list();
    }

    /** Claims the reminder: true for the one node that sends it. */
    boolean reminded(Watch w, Instant now) {
        return jdbc.sql("UPDATE case_watch SET reminded_at = ?, next_at = due_at WHERE id = ? AND next_at = ?")
                .params(CaseRows.utc(now), w.id(), CaseRows.utc(w.nextAt())).update() == 1;
    }

    /** Claims the deadline as missed: true for the one node that acts on it. */
    boolean missed(Watch w, Instant now) {
        return jdbc.sql("UPDATE case_watch SET missed_at = ?, next_at = NULL WHERE id = ? AND next_at = ?")
                .params(CaseRows.utc(now), w.id(), CaseRows.utc(w.nextAt())).update() == 1;
    }

    /** Claims the deadline as met after all (the case moved on): true for the one node that closes it. */
    boolean met(Watch w, Instant now) {
        return jdbc.sql("UPDATE case_watch SET done_at = ?, next_at = NULL WHERE id = ? AND next_at = ?")
                .params(CaseRows.utc(now), w.id(), CaseRows.utc(w.nextAt())).update() == 1;
    }
}
