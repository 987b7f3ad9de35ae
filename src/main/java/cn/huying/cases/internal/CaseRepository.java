package cn.huying.cases.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.springframework.jdbc.core.SqlParameterValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores the case aggregate with optimistic locking, its history (insert only) and the daily
 * code sequence. One UPDATE per transition, guarded by the version the actor saw.
 */
@Repository
class CaseRepository {

    static final String COLUMNS = """
            id, code, kind, category_id, channel, urgency, title, description, lat, lng, address, region_id, town_id,
            reporter_user_id, reporter_name_enc, reporter_phone_enc, reporter_phone_mask, reporter_phone_last4,
            state, tier, tier_path, resolved_tier, department_id, handler_id, lead_case_id, rework_count,
            unsatisfied_count, satisfaction, reply, created_by, idempotency_key, created_at, updated_at,
            dispatched_at, accepted_at, resolved_at, closed_at, version, acted_version, received_at, external_due_at, rule_version,
            rule_id, first_contact_due_at, first_contacted_at, due_at, due_assumed, extension_days, yellow_at, red_at,
            sla_level, next_sla_at, clock_stopped_at, progress_due_at, last_progress_at, attachment_count, merged_count,
            history_head, history_length""";

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final WrittenCases written;
    private final HistoryChain chain;

    CaseRepository(JdbcClient jdbc, javax.sql.DataSource dataSource, WrittenCases written, HistoryChain chain) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        this.written = written;
        this.chain = chain;
    }

    static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    static CaseFile map(ResultSet rs, int n) throws SQLException {
        CaseFile c = restore(rs);
        c.attachmentsCounted(rs.getInt("attachment_count"));
        c.mergedCounted(rs.getInt("merged_count"));
        c.actedVersionRead(rs.getObject("acted_version", Long.class));
        c.historyRead(rs.getString("history_head"), rs.getInt("history_length"));
        return c;
    }

    private static CaseFile restore(ResultSet rs) throws SQLException {
        CaseFile.Reporter reporter = new CaseFile.Reporter(rs.getObject("reporter_user_id", Long.class),
                rs.getString("reporter_name_enc"), rs.getString("reporter_phone_enc"),
                rs.getString("reporter_phone_mask"), rs.getString("reporter_phone_last4"));
        CaseFile.Intake intake = new CaseFile.Intake(rs.getString("code"), CaseKind.valueOf(rs.getString("kind")),
                rs.getLong("category_id"), Channel.valueOf(rs.getString("channel")),
                Urgency.valueOf(rs.getString("urgency")), rs.getString("title"), rs.getString("description"),
                rs.getObject("lat", Double.class), rs.getObject("lng", Double.class), rs.getString("address"),
                rs.getLong("region_id"), rs.getObject("town_id", Long.class), reporter, rs.getLong("created_by"),
                rs.getString("idempotency_key"));
        return CaseFile.restore(rs.getLong("id"), intake, CaseState.valueOf(rs.getString("state")),
                Tier.valueOf(rs.getString("tier")), rs.getString("tier_path"),
                enumOrNull(Tier.class, rs.getString("resolved_tier")), rs.getObject("department_id", Long.class),
                rs.getObject("handler_id", Long.class), rs.getObject("lead_case_id", Long.class),
                rs.getInt("rework_count"), rs.getInt("unsatisfied_count"),
                enumOrNull(Satisfaction.class, rs.getString("satisfaction")), rs.getString("reply"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "dispatched_at"),
                instant(rs, "accepted_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getLong("version"),
                new CaseFile.Sla(instant(rs, "received_at"), instant(rs, "external_due_at"),
                        rs.getObject("rule_version", Integer.class), rs.getObject("rule_id", Long.class),
                        instant(rs, "first_contact_due_at"), instant(rs, "first_contacted_at"), instant(rs, "due_at"),
                        rs.getBoolean("due_assumed"), rs.getInt("extension_days"), instant(rs, "yellow_at"),
                        instant(rs, "red_at"), rs.getInt("sla_level"), instant(rs, "next_sla_at"),
                        instant(rs, "clock_stopped_at"), instant(rs, "progress_due_at"), instant(rs, "last_progress_at")));
    }

    Optional<CaseFile> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE id = ?").param(id).query(CaseRepository::map)
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE code = ?").param(code).query(CaseRepository::map)
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

    /**
     * The lead's answer given to the cases merged into it (重复件 share the lead's outcome). A system step on a
     * finished case: the version stays, so nobody's next action is refused as if a colleague had acted.
     */
    int shareReplyWithMerged(long leadId, String reply, Instant now) {
        return jdbc.sql("UPDATE case_file SET reply = ?, updated_at = ? WHERE lead_case_id = ? AND state = 'MERGED'")
                .params(reply, utc(now), leadId).update();
    }

    List<CaseFile> findMergedInto(long leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE lead_case_id = ? ORDER BY id").param(leadId)
                .query(CaseRepository::map).list();
    }

    /**
     * Next number of the day for a town prefix, in one round trip ({@code UPDATE … RETURNING} on
     * PostgreSQL, {@code FINAL TABLE} on H2). The row lock makes concurrent intakes of the same
     * town wait in turn, so callers take the number as late as they can.
     */
    int nextSequence(String prefix, LocalDate day) {
        return number(prefix, day, false);
    }

    /**
     * {@link #nextSequence} outside any transaction, each statement committing on its own: the town's counter row
     * is locked only while the database runs the one UPDATE, with no round trip to the application before the
     * commit. On PostgreSQL that commit does not wait for the WAL to reach the disk ({@code set_config(…, true)}
     * for the statement's own transaction). Safe: the case that uses the number commits later and synchronously,
     * which flushes this commit's WAL first; a number lost in a crash was never used by a durable case (and
     * {@code code} is unique anyway).
     */
    int takeNumberAlone(String prefix, LocalDate day) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("takeNumberAlone is for use outside a transaction");
        }
        return number(prefix, day, true);
    }

    /** Whether {@link #intakeReads} is available: on PostgreSQL (H2 runs in the process, with no round trip to save). */
    boolean readsInOneStatement() {
        return postgres;
    }

    /**
     * What an intake reads before it writes, as {@link #intakeReads} returns it.
     *
     * @param earlierId the case this reporter already sent with this Idempotency-Key; null if none
     * @param number    the town's next number of the day, taken; null for a repeated key, or when the day's counter
     *                  row does not exist yet (the day's first case of the town: take it with {@link #takeNumberAlone})
     * @param newest    the newest open cases of the category in the box, scope not yet checked; empty without a box
     */
    record IntakeReads(Long earlierId, Integer number, List<CaseQueries.ScopedNearby> newest) {
    }

    /**
     * On PostgreSQL, the intake's three reads in one statement and one round trip, committing on its own outside
     * any transaction as {@link #takeNumberAlone} does (the counter row is locked for this statement only, its
     * commit does not wait for the WAL): the case this reporter already sent with this key; the town's next number
     * of the day unless there was one; and, with a box ({@link CaseQueries#box}), the newest open cases in it
     * ({@link CaseQueries#newestInBox}).
     * Separately these were three round trips and three commits of their own (docs/cases.md).
     */
    IntakeReads intakeReads(long createdBy, String idempotencyKey, String prefix, LocalDate day, CaseQueries.Box box,
                            Instant since) {
        if (!postgres || org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("intakeReads is for PostgreSQL, outside a transaction");
        }
        List<Object> params = new java.util.ArrayList<>(List.of(createdBy, idempotencyKey == null ? "" : idempotencyKey,
                prefix, day));
        if (box != null) {
            params.addAll(box.params(since));
        }
        Long[] earlier = {null};
        Integer[] number = {null};
        List<CaseQueries.ScopedNearby> newest = new java.util.ArrayList<>();
        jdbc.sql(box == null ? INTAKE_READS : intakeReadsWithBox(box.bands())).params(params).query(rs -> {
            switch (rs.getString(1)) {
                case "E" -> earlier[0] = rs.getLong(2);
                case "N" -> number[0] = rs.getInt(2);
                default -> newest.add(CaseQueries.scopedNearby(rs, 1));
            }
        });
        return new IntakeReads(earlier[0], number[0], newest);
    }

    /** The idempotency lookup and the number of {@link #intakeReads}; the number is not taken for a repeated key. */
    private static final String INTAKE_READS_HEAD = "WITH earlier AS (SELECT id FROM case_file"
            + " WHERE created_by = ? AND idempotency_key = ?),"
            + " async AS (SELECT set_config('synchronous_commit', 'off', true) AS v),"
            + " num AS (UPDATE case_code_seq SET last_value = last_value + 1 WHERE prefix = ? AND seq_day = ?"
            + " AND NOT EXISTS (SELECT 1 FROM earlier) AND (SELECT v FROM async) IS NOT NULL RETURNING last_value)";
    private static final String INTAKE_READS = INTAKE_READS_HEAD
            + " SELECT 'E', id FROM earlier UNION ALL SELECT 'N', last_value FROM num";
    /** {@link #INTAKE_READS} and the newest open cases of a box of {@code bands} latitude bands. */
    private static String intakeReadsWithBox(int bands) {
        return INTAKE_READS_WITH_BOX.computeIfAbsent(bands, n -> INTAKE_READS_HEAD + ", " + CaseQueries.newestInBox(n)
                + " SELECT 'C' AS part, c.* FROM box c"
                + " UNION ALL SELECT 'E', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM earlier"
                + " UNION ALL SELECT 'N', last_value, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM num");
    }

    private static final java.util.concurrent.ConcurrentMap<Integer, String> INTAKE_READS_WITH_BOX =
            new java.util.concurrent.ConcurrentHashMap<>();

    private int number(String prefix, LocalDate day, boolean noWalFlush) {
        java.util.Optional<Integer> next = takeNumber(prefix, day, noWalFlush);
        if (next.isPresent()) {
            return next.get();
        }
        // the day's first case in this town: create the row (a concurrent intake may win that race), then take a number
        jdbc.sql("INSERT INTO case_code_seq (prefix, seq_day, last_value) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(prefix, day).update();
        return takeNumber(prefix, day, noWalFlush).orElseThrow();
    }

    private java.util.Optional<Integer> takeNumber(String prefix, LocalDate day, boolean noWalFlush) {
        String sql;
        if (!postgres) {
            sql = "SELECT last_value FROM FINAL TABLE (UPDATE case_code_seq SET last_value = last_value + 1"
                    + " WHERE prefix = ? AND seq_day = ?)";
        } else if (noWalFlush) {
            sql = "WITH async AS (SELECT set_config('synchronous_commit', 'off', true) AS v)"
                    + " UPDATE case_code_seq SET last_value = last_value + 1"
                    + " WHERE prefix = ? AND seq_day = ? AND (SELECT v FROM async) IS NOT NULL RETURNING last_value";
        } else {
            sql = "UPDATE case_code_seq SET last_value = last_value + 1 WHERE prefix = ? AND seq_day = ? RETURNING last_value";
        }
        return jdbc.sql(sql).params(prefix, day).query(Integer.class).optional();
    }

    private static final String INSERT_CASE = """
            INSERT INTO case_file (code, kind, category_id, channel, urgency, title, description, lat, lng, address,
                region_id, town_id, reporter_user_id, reporter_name_enc, reporter_phone_enc, reporter_phone_mask,
                reporter_phone_last4, state, tier, tier_path, resolved_tier, department_id, handler_id, lead_case_id,
                rework_count, unsatisfied_count, satisfaction, reply, created_by, idempotency_key, created_at,
                updated_at, dispatched_at, accepted_at, resolved_at, closed_at, version, received_at, external_due_at,
                rule_version, rule_id, first_contact_due_at, first_contacted_at, due_at, due_assumed, extension_days,
                yellow_at, red_at, sla_level, next_sla_at, clock_stopped_at, progress_due_at, last_progress_at,
                open_category_id, history_head, history_length)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_CASE = """
            UPDATE case_file SET state = ?, open_category_id = ?, tier = ?, tier_path = ?, resolved_tier = ?, department_id = ?,
                handler_id = ?, lead_case_id = ?, rework_count = ?, unsatisfied_count = ?, satisfaction = ?,
                reply = ?, updated_at = ?, dispatched_at = ?, accepted_at = ?, resolved_at = ?, closed_at = ?,
                rule_version = ?, rule_id = ?, first_contact_due_at = ?, first_contacted_at = ?, due_at = ?,
                due_assumed = ?, extension_days = ?, yellow_at = ?, red_at = ?, sla_level = ?, next_sla_at = ?,
                clock_stopped_at = ?, progress_due_at = ?, last_progress_at = ?, history_head = ?, history_length = ?,
                version = version + 1
            WHERE id = ? AND version = ? AND history_length = ?""";
    /** {@link #UPDATE_CASE} for a person's change: it also records the new version as the one people must have seen. */
    private static final String UPDATE_CASE_BY_PERSON = UPDATE_CASE.replace("version = version + 1",
            "version = version + 1, acted_version = version + 1");

    private static final String HISTORY_COLUMNS = """
            case_history (case_id, action, from_state, to_state, tier, department_id, actor_id, actor_name, actor_role,
                          note, attachment_ids, at, seq, seal)""";

    private static final String INSERT_HISTORY = "INSERT INTO " + HISTORY_COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * On PostgreSQL, the case row and its one history entry are written by one statement: the history is
     * inserted from the rows the case statement returns ({@code WITH w AS (INSERT … RETURNING id) INSERT INTO
     * case_history … SELECT … FROM w}), so a step costs one round trip to the database instead of two, and an
     * UPDATE refused by the version check writes no history. H2, in the same process, has no round trip to save.
     */
    private static final String HISTORY_FROM_WRITTEN = " RETURNING id) INSERT INTO " + HISTORY_COLUMNS
            + " SELECT w.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM w RETURNING case_id";
    private static final String INSERT_CASE_WITH_HISTORY = "WITH w AS (" + INSERT_CASE + HISTORY_FROM_WRITTEN;
    private static final String UPDATE_CASE_WITH_HISTORY = "WITH w AS (" + UPDATE_CASE + HISTORY_FROM_WRITTEN;
    private static final String UPDATE_CASE_BY_PERSON_WITH_HISTORY = "WITH w AS (" + UPDATE_CASE_BY_PERSON
            + HISTORY_FROM_WRITTEN;

    /**
     * Inserts a new case and the history entries it starts with; returns its id. The entries are sealed here
     * ({@link HistoryChain}: the chain starts at the case's code) and the case row takes the chain's head and length.
     */
    long insert(CaseFile c, List<HistoryDraft> history) {
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
        return id;
    }

    private static Object[] insertParams(CaseFile c) {
        CaseFile.Intake i = c.intake();
        CaseFile.Reporter r = i.reporter();
        return new Object[] {i.code(), i.kind().name(), i.categoryId(), i.channel().name(), i.urgency().name(), i.title(),
                i.description(), i.lat(), i.lng(), i.address(), i.regionId(), i.townId(), r.userId(),
                r.nameEncrypted(), r.phoneEncrypted(), r.phoneMasked(), r.phoneLast4(), c.state().name(),
                c.tier().name(), c.tierPath(), name(c.resolvedTier()), c.departmentId(), c.handlerId(),
                c.leadCaseId(), c.reworkCount(), c.unsatisfiedCount(), name(c.satisfaction()), c.reply(),
                i.createdBy(), i.idempotencyKey(), utc(c.createdAt()), utc(c.updatedAt()),
                utc(c.dispatchedAt()), utc(c.acceptedAt()), utc(c.resolvedAt()), utc(c.closedAt()),
                utc(c.sla().receivedAt()), utc(c.sla().externalDueAt()), c.sla().ruleVersion(), c.sla().ruleId(),
                utc(c.sla().firstContactDueAt()), utc(c.sla().firstContactedAt()), utc(c.sla().dueAt()),
                c.sla().assumed(), c.sla().extensionDays(), utc(c.sla().yellowAt()), utc(c.sla().redAt()),
                c.sla().level(), utc(c.sla().nextSlaAt()), utc(c.sla().clockStoppedAt()),
                utc(c.sla().progressDueAt()), utc(c.sla().lastProgressAt()), openCategoryId(c)};
    }

    /**
     * The category while the case is open ({@link cn.huying.cases.CaseState#open()}), null once it is finished:
     * H2's duplicate search reads it from its index (db/migration/h2/V21_0). Written by the application, not by an
     * H2 generated column: H2 2.4 binds such a column's expression to the connection that created it.
     */
    private static Long openCategoryId(CaseFile c) {
        return c.state().open() ? c.intake().categoryId() : null;
    }

    /**
     * Writes the changed state and the history entries the case recorded since it was last written, if nobody
     * changed the case since {@code expectedVersion}; false (and nothing written) otherwise.
     */
    boolean update(CaseFile c, long expectedVersion) {
        return update(c, expectedVersion, true);
    }

    /** As {@link #update(CaseFile, long)}, for a change of the system's: people need not have seen it. */
    boolean updateBySystem(CaseFile c, long expectedVersion) {
        return update(c, expectedVersion, false);
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
     * Appends entries to a case's history without changing the case (its version stays): the chain's head is read
     * under the case row's lock, the entries sealed after it, and the new head written to the row.
     */
    void appendHistory(long caseId, List<HistoryDraft> entries) {
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

    private void insertHistory(long caseId, List<HistoryDraft> entries, HistoryChain.Sealed sealed) {
        for (int k = 0; k < entries.size(); k++) {
            jdbc.sql(INSERT_HISTORY).params(typedNulls(concat(new Object[] {caseId},
                    historyValues(entries.get(k), sealed.links().get(k))))).update();
        }
    }

    /** A history entry's values after its case id, in the order of {@link #HISTORY_COLUMNS}, with its seal. */
    private static Object[] historyValues(HistoryDraft h, HistoryChain.Link link) {
        return new Object[] {h.action(), name(h.fromState()), h.toState().name(), h.tier().name(), h.departmentId(),
                h.actorId(), h.actorName(), h.actorRole(), h.note(), HistoryChain.attachmentIds(h.attachmentIds()),
                utc(h.at()), link.position(), link.seal()};
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Nulls bound with a type, so that the JDBC layer sets them at once instead of asking the
     * driver's metadata which null it wants (Spring does that for every untyped null: about a
     * hundred metadata calls per case lifecycle). Only for parameters whose column the database
     * knows from the statement (VALUES of an INSERT, SET of an UPDATE, the SELECT list of an INSERT … SELECT).
     */
    private static Object[] typedNulls(Object... values) {
        return withNulls(values, k -> UNTYPED_NULL);
    }

    /** {@code values} with each null replaced by what {@code nullAt} gives for its position. */
    private static Object[] withNulls(Object[] values, java.util.function.IntFunction<SqlParameterValue> nullAt) {
        Object[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            if (out[k] == null) {
                out[k] = nullAt.apply(k);
            }
        }
        return out;
    }

    private static final SqlParameterValue UNTYPED_NULL = new SqlParameterValue(Types.NULL, null);

    /**
     * Nulls bound with their column's type, for {@link #UPDATE_CASE_WITH_HISTORY} on PostgreSQL. The driver prepares a
     * statement on the server with the types of its first binding and prepares it again (a new name, planned again)
     * when a later binding sends a value whose type differs from what it prepared: an untyped null there and a
     * value at the next step (the department at dispatch, the reply at resolve, the close time at close) made it
     * prepare the step statement again at nearly every step (pg_stat_statements: as many plans as calls, 0.13-0.17
     * ms of planning each; the driver's trace showed the parameter types of each Parse; docs/benchmarks-archive.md, part 1,
     * round 11). Bound with the column's type, every step sends the same types.
     */
    private static Object[] columnTypedNulls(Object[] values, SqlParameterValue[] nulls) {
        return withNulls(values, k -> nulls[k]);
    }

    private static final SqlParameterValue TEXT = new SqlParameterValue(Types.VARCHAR, null);
    private static final SqlParameterValue INT8 = new SqlParameterValue(Types.BIGINT, null);
    private static final SqlParameterValue INT4 = new SqlParameterValue(Types.INTEGER, null);
    private static final SqlParameterValue BOOL = new SqlParameterValue(Types.BOOLEAN, null);
    /** A null timestamp with time zone: PostgreSQL's driver sends {@code Types.TIMESTAMP_WITH_TIMEZONE} nulls untyped. */
    private static final SqlParameterValue TSTZ = new SqlParameterValue(Types.OTHER, "timestamptz", null);

    /** The column types of {@link #UPDATE_CASE}'s parameters, then of the history entry's ({@link #historyValues}). */
    private static final SqlParameterValue[] UPDATE_WITH_HISTORY_NULLS = {
            TEXT, INT8, TEXT, TEXT, TEXT, INT8, INT8, INT8, INT4, INT4, TEXT, // state, open_category_id … satisfaction
            TEXT, TSTZ, TSTZ, TSTZ, TSTZ, TSTZ, INT4, INT8, TSTZ, TSTZ, // reply … first_contacted_at
            TSTZ, BOOL, INT4, TSTZ, TSTZ, INT4, TSTZ, TSTZ, TSTZ, TSTZ, // due_at … last_progress_at
            TEXT, INT4,                                                 // history_head, history_length
            INT8, INT8, INT4,                                           // id, version, the history length seen
            TEXT, TEXT, TEXT, TEXT, INT8, INT8, TEXT, TEXT, TEXT, TEXT, TSTZ, INT4, TEXT}; // the history entry, seq, seal

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
