package cn.huying.cases.internal;

import static cn.huying.cases.internal.CaseRows.*;

import cn.huying.cases.ExtensionStatus;
import cn.huying.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores the case aggregate: the one place that writes a case. {@link #save} writes what the verbs recorded — the
 * row, guarded by the version the actor saw, and the history entries (insert only) — and then publishes the events;
 * {@link #insert} does the same for a new case. Nothing else updates {@code case_file} or inserts into
 * {@code case_history} (the notes of the sweeps and of supervision come through {@link #appendNotes}), nor writes
 * the case's parts ({@link CasePart}: {@code case_extension}, {@code case_progress}). The row layout, statements and
 * bindings are in {@link CaseRows}.
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final WrittenCases written;
    private final HistoryChain chain;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseRepository(JdbcClient jdbc, javax.sql.DataSource dataSource, WrittenCases written, HistoryChain chain,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        this.written = written;
        this.chain = chain;
        this.events = events;
    }

    Optional<CaseFile> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE id = ?").param(id).query(CaseRows::map)
                .optional();
    }

    /**
     * A copy of the case as this node last committed it, if it holds one. For an action only: the action's
     * UPDATE is checked against the copy's version, and a miss there means "read it again".
     */
    Optional<CaseFile> remembered(long id) {
        return written.find(id);
    }

    void forget(long id) {
        written.forget(id);
    }

    Optional<CaseFile> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE code = ?").param(code).query(CaseRows::map)
                .optional();
    }

    Optional<Long> findByIdempotencyKey(long createdBy, String key) {
        return jdbc.sql("SELECT id FROM case_file WHERE created_by = ? AND idempotency_key = ?")
                .params(createdBy, key).query(Long.class).optional();
    }

    /**
     * A case was merged into this lead: the lead's close then looks for the merged ones (and only then).
     * The lead's version goes up like any change to a case, so that no copy of it (in {@link WrittenCases}, on
     * any node, or in a form) is acted on as if nothing had been merged.
     */
    void countMerged(long leadId) {
        jdbc.sql("UPDATE case_file SET merged_count = merged_count + 1, version = version + 1, acted_version = version + 1 WHERE id = ?").param(leadId)
                .update();
        written.forget(leadId);
    }

    List<CaseFile> findMergedInto(long leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE lead_case_id = ? ORDER BY id").param(leadId)
                .query(CaseRows::map).list();
    }


    /**
     * Inserts a new case and the history entries it starts with, then publishes the events it recorded; returns its
     * id. {@code withHistory} false: the history waits ({@link #appendNotes}, once the report's photos are stored).
     * The entries are sealed here ({@link HistoryChain}: the chain starts at the case's code) and the case row takes
     * the chain's head and length.
     */
    long insert(CaseFile c, boolean withHistory) {
        List<HistoryDraft> history = withHistory ? c.drainHistory() : List.of();
        HistoryChain.Sealed sealed = chain.seal(c.intake().code(), null, 0, history);
        Object[] params = concat(insertParams(c), new Object[] {sealed.head(), sealed.length()});
        long id;
        if (postgres && history.size() == 1) {
            id = jdbc.sql(INSERT_CASE_WITH_HISTORY)
                    .params(typedNulls(concat(params, historyValues(history.get(0), sealed.links().get(0)))))
                    .query(Long.class).single();
        } else {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(INSERT_CASE).params(typedNulls(params)).update(keys, "id");
            id = keys.getKey().longValue();
            insertHistory(id, history, sealed);
        }
        c.historyRead(sealed.head(), sealed.length());
        c.assignId(id);
        written.rememberAfterCommit(c);
        publish(c);
        return id;
    }

    /**
     * Saves a person's change: writes the changed state and the history entries the case recorded since it was last
     * written, if nobody changed the case since {@code expectedVersion}, then publishes the events it recorded (in
     * the caller's transaction: they reach their listeners once it commits). False, with nothing written or
     * published, if the version had moved.
     */
    boolean save(CaseFile c, long expectedVersion) {
        List<CasePart> parts = c.drainParts();
        if (!update(c, expectedVersion, true)) {
            return false;
        }
        writeParts(c, parts);
        c.versionSaved();
        publish(c);
        return true;
    }

    /**
     * The parts' changes the verbs recorded (extension requests and decisions, progress reports), written after the
     * case row's version check held, in the same transaction. A decision finds its request still pending or fails.
     */
    private void writeParts(CaseFile c, List<CasePart> parts) {
        for (CasePart part : parts) {
            if (part instanceof CasePart.ExtensionRequest r) {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO case_extension (case_id, working_days, reason, status, requested_by, requested_at,"
                                + " old_due_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?)")
                        .params(c.id(), r.workingDays(), r.reason(), r.requestedBy(), utc(r.at()), utc(r.oldDueAt()))
                        .update(keys, "id");
                c.extensionStored(keys.getKey().longValue());
            } else if (part instanceof CasePart.ExtensionDecision d) {
                int n = jdbc.sql("UPDATE case_extension SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                                + " new_due_at = ? WHERE id = ? AND case_id = ? AND status = 'PENDING'")
                        .params((d.approved() ? ExtensionStatus.APPROVED : ExtensionStatus.REFUSED).name(),
                                d.decidedBy(), utc(d.at()), d.note(), utc(d.newDueAt()), d.extensionId(), c.id())
                        .update();
                if (n != 1) {
                    throw DomainException.conflict("case.extension.decided", d.extensionId());
                }
            } else if (part instanceof CasePart.ProgressReport p) {
                jdbc.sql("INSERT INTO case_progress (case_id, reason, next_steps, promised_date, recorded_by, recorded_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(c.id(), p.reason(), p.nextSteps(), p.promisedDate(), p.recordedBy(), utc(p.at()))
                        .update();
            } else {
                throw new IllegalStateException("no table for " + part);
            }
        }
    }

    /** The request of this case still waiting for a decision, if any (one at a time). */
    Optional<CasePart.PendingExtension> pendingExtension(long caseId) {
        return jdbc.sql("SELECT id, case_id, working_days, status FROM case_extension WHERE case_id = ?"
                        + " AND status = 'PENDING' ORDER BY id LIMIT 1").param(caseId)
                .query(CaseRepository::pending).optional();
    }

    /** An extension request as the aggregate needs it to decide. */
    Optional<CasePart.PendingExtension> extensionRequest(long extensionId) {
        return jdbc.sql("SELECT id, case_id, working_days, status FROM case_extension WHERE id = ?")
                .param(extensionId).query(CaseRepository::pending).optional();
    }

    private static CasePart.PendingExtension pending(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CasePart.PendingExtension(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                ExtensionStatus.valueOf(rs.getString(4)));
    }

    /**
     * As {@link #save}, for a change of the system's (a light, recomputed deadlines, a follow-on): the version goes
     * up but people need not have seen it, so nobody's next action is refused as if a colleague had acted.
     */
    boolean saveBySystem(CaseFile c, long expectedVersion) {
        List<CasePart> parts = c.drainParts();
        if (!update(c, expectedVersion, false)) {
            return false;
        }
        writeParts(c, parts);
        c.systemVersionSaved();
        publish(c);
        return true;
    }

    private void publish(CaseFile c) {
        for (cn.huying.cases.CaseEvent e : c.drainEvents()) {
            events.publishEvent(e);
        }
    }

    private boolean update(CaseFile c, long expectedVersion, boolean byPerson) {
        List<HistoryDraft> history = c.drainHistory();
        Object[] state = new Object[] {c.state().name(), openCategoryId(c), c.tier().name(), c.tierPath(), name(c.resolvedTier()),
                c.departmentId(), c.handlerId(), c.leadCaseId(), c.reworkCount(), c.unsatisfiedCount(),
                name(c.satisfaction()), c.reply(), utc(c.updatedAt()), utc(c.dispatchedAt()), utc(c.acceptedAt()),
                utc(c.resolvedAt()), utc(c.closedAt()), c.sla().ruleVersion(), c.sla().ruleId(),
                utc(c.sla().firstContactDueAt()), utc(c.sla().firstContactedAt()), utc(c.sla().dueAt()),
                c.sla().assumed(), c.sla().extensionDays(), utc(c.sla().yellowAt()), utc(c.sla().redAt()),
                c.sla().level(), utc(c.sla().nextSlaAt()), utc(c.sla().clockStoppedAt()),
                utc(c.sla().progressDueAt()), utc(c.sla().lastProgressAt())};
        String head = c.historyHead();
        int length = c.historyLength();
        for (int attempt = 0; ; attempt++) {
            // sealed after the head read with the row; the UPDATE holds only if the chain has not moved since
            HistoryChain.Sealed sealed = chain.seal(c.intake().code(), head, length, history);
            Object[] params = concat(state, new Object[] {sealed.head(), sealed.length(), c.id(), expectedVersion, length});
            boolean done;
            if (postgres && history.size() == 1) {
                done = !jdbc.sql(byPerson ? UPDATE_CASE_BY_PERSON_WITH_HISTORY : UPDATE_CASE_WITH_HISTORY)
                        .params(columnTypedNulls(concat(params, historyValues(history.get(0), sealed.links().get(0))),
                                UPDATE_WITH_HISTORY_NULLS))
                        .query(Long.class).list().isEmpty();
            } else {
                done = jdbc.sql(byPerson ? UPDATE_CASE_BY_PERSON : UPDATE_CASE).params(typedNulls(params)).update() == 1;
                if (done) {
                    insertHistory(c.id(), history, sealed);
                }
            }
            if (done) {
                c.historyRead(sealed.head(), sealed.length());
                written.rememberAfterCommit(c);
                return true;
            }
            // refused: by the version (someone changed the case), or only because an entry was appended to its
            // history without a change of the case (a reminder, a supervision order): then seal after that entry
            record Chain(long version, String head, int length) {
            }
            Optional<Chain> now = jdbc.sql("SELECT version, history_head, history_length FROM case_file WHERE id = ?")
                    .param(c.id()).query((rs, n) -> new Chain(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional();
            if (now.isEmpty() || now.get().version() != expectedVersion || attempt >= 3) {
                return false;
            }
            head = now.get().head();
            length = now.get().length();
        }
    }

    /**
     * History entries that change nothing in the case row, so its version stays: the notes of the service-loop sweep
     * and of supervision (a colleague's next action is not refused because of them), and the report's entry once
     * its photos are stored. The chain's head is read under the case row's lock, the entries sealed after it, and
     * the new head and length written to the row (issue 30).
     */
    void appendNotes(long caseId, List<HistoryDraft> entries) {
        if (entries.isEmpty()) {
            return;
        }
        record Chain(String code, String head, int length) {
        }
        Chain now = jdbc.sql("SELECT code, history_head, history_length FROM case_file WHERE id = ? FOR UPDATE")
                .param(caseId).query((rs, n) -> new Chain(rs.getString(1), rs.getString(2), rs.getInt(3))).single();
        HistoryChain.Sealed sealed = chain.seal(now.code(), now.head(), now.length(), entries);
        insertHistory(caseId, entries, sealed);
        jdbc.sql("UPDATE case_file SET history_head = ?, history_length = ? WHERE id = ?")
                .params(sealed.head(), sealed.length(), caseId).update();
    }

    // ---- history: the one place that inserts into case_history ------------------------------
    // (HISTORY_COLUMNS, historyValues and insertHistory; the PostgreSQL single statement appends HISTORY_FROM_WRITTEN
    // with the same columns and values. A column added to each entry goes into these three and UPDATE_WITH_HISTORY_NULLS.)
    // Every entry is sealed (HistoryChain) before it reaches them, from the head read with the case row.

    private void insertHistory(long caseId, List<HistoryDraft> entries, HistoryChain.Sealed sealed) {
        for (int k = 0; k < entries.size(); k++) {
            jdbc.sql(INSERT_HISTORY).params(typedNulls(concat(new Object[] {caseId},
                    historyValues(entries.get(k), sealed.links().get(k))))).update();
        }
    }

}
