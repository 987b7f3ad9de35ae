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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * How a case and its history entries are laid out in the database: the columns read back into the aggregate, the
 * statements {@link CaseRepository} writes them with (one statement per step on PostgreSQL), and the values bound to
 * them, nulls typed. No state and no database access of its own: {@link CaseRepository} is the one writer.
 */
final class CaseRows {

    private CaseRows() {
    }

    static final String COLUMNS = """
            id, code, kind, category_id, channel, urgency, title, description, lat, lng, address, region_id, town_id,
            reporter_user_id, reporter_name_enc, reporter_phone_enc, reporter_phone_mask, reporter_phone_last4,
            state, tier, tier_path, resolved_tier, department_id, handler_id, lead_case_id, rework_count,
            unsatisfied_count, satisfaction, reply, created_by, idempotency_key, created_at, updated_at,
            dispatched_at, accepted_at, resolved_at, closed_at, version, acted_version, received_at, external_due_at, rule_version,
            rule_id, first_contact_due_at, first_contacted_at, due_at, due_assumed, extension_days, yellow_at, red_at,
            sla_level, next_sla_at, clock_stopped_at, progress_due_at, last_progress_at, attachment_count, merged_count,
            history_head, history_length""";
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

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
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

    static CaseFile restore(ResultSet rs) throws SQLException {
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
                new Sla(instant(rs, "received_at"), instant(rs, "external_due_at"),
                        rs.getObject("rule_version", Integer.class), rs.getObject("rule_id", Long.class),
                        instant(rs, "first_contact_due_at"), instant(rs, "first_contacted_at"), instant(rs, "due_at"),
                        rs.getBoolean("due_assumed"), rs.getInt("extension_days"), instant(rs, "yellow_at"),
                        instant(rs, "red_at"), rs.getInt("sla_level"), instant(rs, "next_sla_at"),
                        instant(rs, "clock_stopped_at"), instant(rs, "progress_due_at"), instant(rs, "last_progress_at")));
    }

    static final String INSERT_CASE = """
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

    static final String UPDATE_CASE = """
            UPDATE case_file SET state = ?, open_category_id = ?, tier = ?, tier_path = ?, resolved_tier = ?, department_id = ?,
                handler_id = ?, lead_case_id = ?, rework_count = ?, unsatisfied_count = ?, satisfaction = ?,
                reply = ?, updated_at = ?, dispatched_at = ?, accepted_at = ?, resolved_at = ?, closed_at = ?,
                rule_version = ?, rule_id = ?, first_contact_due_at = ?, first_contacted_at = ?, due_at = ?,
                due_assumed = ?, extension_days = ?, yellow_at = ?, red_at = ?, sla_level = ?, next_sla_at = ?,
                clock_stopped_at = ?, progress_due_at = ?, last_progress_at = ?, history_head = ?, history_length = ?,
                version = version + 1
            WHERE id = ? AND version = ? AND history_length = ?""";
    /** {@link #UPDATE_CASE} for a person's change: it also records the new version as the one people must have seen. */
    static final String UPDATE_CASE_BY_PERSON = UPDATE_CASE.replace("version = version + 1",
            "version = version + 1, acted_version = version + 1");

    static final String HISTORY_COLUMNS = """
            case_history (case_id, action, from_state, to_state, tier, department_id, actor_id, actor_name, actor_role,
                          note, attachment_ids, at, seq, seal)""";

    static final String INSERT_HISTORY = "INSERT INTO " + HISTORY_COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * On PostgreSQL, the case row and its one history entry are written by one statement: the history is
     * inserted from the rows the case statement returns ({@code WITH w AS (INSERT … RETURNING id) INSERT INTO
     * case_history … SELECT … FROM w}), so a step costs one round trip to the database instead of two, and an
     * UPDATE refused by the version check writes no history. H2, in the same process, has no round trip to save.
     */
    static final String HISTORY_FROM_WRITTEN = " RETURNING id) INSERT INTO " + HISTORY_COLUMNS
            + " SELECT w.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM w RETURNING case_id";
    static final String INSERT_CASE_WITH_HISTORY = "WITH w AS (" + INSERT_CASE + HISTORY_FROM_WRITTEN;
    static final String UPDATE_CASE_WITH_HISTORY = "WITH w AS (" + UPDATE_CASE + HISTORY_FROM_WRITTEN;
    static final String UPDATE_CASE_BY_PERSON_WITH_HISTORY = "WITH w AS (" + UPDATE_CASE_BY_PERSON
            + HISTORY_FROM_WRITTEN;
    static Object[] insertParams(CaseFile c) {
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
    static Long openCategoryId(CaseFile c) {
        return c.state().open() ? c.intake().categoryId() : null;
    }

    /** A history entry's values after its case id, in the order of {@link #HISTORY_COLUMNS}, with its seal. */
    static Object[] historyValues(HistoryDraft h, HistoryChain.Link link) {
        return new Object[] {h.action().name(), name(h.fromState()), h.toState().name(), h.tier().name(),
                h.departmentId(), h.actorId(), h.actorName(), h.actorRole(), h.note(),
                HistoryChain.attachmentIds(h.attachmentIds()), utc(h.at()), link.position(), link.seal()};
    }

    static Object[] concat(Object[] a, Object[] b) {
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
    static Object[] typedNulls(Object... values) {
        return withNulls(values, k -> UNTYPED_NULL);
    }

    /** {@code values} with each null replaced by what {@code nullAt} gives for its position. */
    static Object[] withNulls(Object[] values, java.util.function.IntFunction<SqlParameterValue> nullAt) {
        Object[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            if (out[k] == null) {
                out[k] = nullAt.apply(k);
            }
        }
        return out;
    }

    static final SqlParameterValue UNTYPED_NULL = new SqlParameterValue(Types.NULL, null);

    /**
     * Nulls bound with their column's type, for {@link #UPDATE_CASE_WITH_HISTORY} on PostgreSQL. The driver prepares a
     * statement on the server with the types of its first binding and prepares it again (a new name, planned again)
     * when a later binding sends a value whose type differs from what it prepared: an untyped null there and a
     * value at the next step (the department at dispatch, the reply at resolve, the close time at close) made it
     * prepare the step statement again at nearly every step (pg_stat_statements: as many plans as calls, 0.13-0.17
     * ms of planning each; the driver's trace showed the parameter types of each Parse; docs/benchmarks-archive.md, part 1,
     * round 11). Bound with the column's type, every step sends the same types.
     */
    static Object[] columnTypedNulls(Object[] values, SqlParameterValue[] nulls) {
        return withNulls(values, k -> nulls[k]);
    }

    static final SqlParameterValue TEXT = new SqlParameterValue(Types.VARCHAR, null);
    static final SqlParameterValue INT8 = new SqlParameterValue(Types.BIGINT, null);
    static final SqlParameterValue INT4 = new SqlParameterValue(Types.INTEGER, null);
    static final SqlParameterValue BOOL = new SqlParameterValue(Types.BOOLEAN, null);
    /** A null timestamp with time zone: PostgreSQL's driver sends {@code Types.TIMESTAMP_WITH_TIMEZONE} nulls untyped. */
    static final SqlParameterValue TSTZ = new SqlParameterValue(Types.OTHER, "timestamptz", null);

    /** The column types of {@link #UPDATE_CASE}'s parameters, then of the history entry's ({@link #historyValues}). */
    static final SqlParameterValue[] UPDATE_WITH_HISTORY_NULLS = {
            TEXT, INT8, TEXT, TEXT, TEXT, INT8, INT8, INT8, INT4, INT4, TEXT, // state, open_category_id … satisfaction
            TEXT, TSTZ, TSTZ, TSTZ, TSTZ, TSTZ, INT4, INT8, TSTZ, TSTZ, // reply … first_contacted_at
            TSTZ, BOOL, INT4, TSTZ, TSTZ, INT4, TSTZ, TSTZ, TSTZ, TSTZ, // due_at … last_progress_at
            TEXT, INT4,                                                 // history_head, history_length
            INT8, INT8, INT4,                                           // id, version, the history length seen
            TEXT, TEXT, TEXT, TEXT, INT8, INT8, TEXT, TEXT, TEXT, TEXT, TSTZ, INT4, TEXT}; // the history entry, seq, seal

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
