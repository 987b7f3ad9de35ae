package cn.huying.mediation.internal;

import static cn.huying.mediation.internal.DisputeStore.instant;

import cn.huying.mediation.DisputeState;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.OrgLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of disputes, always within the reader's {@link Visibility} (in the SQL): out of it is not found. */
@Repository
class DisputeReads {


    private static final String SUMMARY = """
            SELECT d.id, d.code, d.case_code, d.dispute_type, d.title, d.org_id, o.name AS org_name, d.org_level, d.state,
                   d.source, d.court_mode, d.amount_claimed, d.agreed_amount, d.accepted_at, d.due_at, d.concluded_at,
                   d.warn_level, d.performance_state, d.confirm_state
            FROM dispute d JOIN mediation_org o ON o.id = d.org_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    DisputeReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Disputes.Summary summary(ResultSet rs) throws SQLException {
        DisputeType type = DisputeType.valueOf(rs.getString("dispute_type"));
        OrgLevel level = OrgLevel.valueOf(rs.getString("org_level"));
        DisputeState state = DisputeState.valueOf(rs.getString("state"));
        return new Disputes.Summary(rs.getLong("id"), rs.getString("code"), rs.getString("case_code"), type,
                type.label(), rs.getString("title"), rs.getLong("org_id"), rs.getString("org_name"), level,
                level.label(), state, state.label(), rs.getString("source"), rs.getString("court_mode"),
                rs.getBigDecimal("amount_claimed"), rs.getBigDecimal("agreed_amount"), instant(rs, "accepted_at"),
                instant(rs, "due_at"), instant(rs, "concluded_at"), rs.getInt("warn_level"), null, null,
                rs.getString("performance_state"), rs.getString("confirm_state"));
    }

    /** The disputes the reader sees with the filters, newest first; {@code limit} rows from {@code offset}. */
    List<Disputes.Summary> list(Disputes.Filter f, Visibility v, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, v, params, clock.getZone());
        params.add(limit);
        params.add(offset);
        List<Disputes.Summary> rows = jdbc.sql(SUMMARY + where + " ORDER BY d.accepted_at DESC, d.id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> summary(rs)).list();
        return withParties(rows);
    }

    long count(Disputes.Filter f, Visibility v) {
        List<Object> params = new ArrayList<>();
        String where = where(f, v, params, clock.getZone());
        return jdbc.sql("SELECT COUNT(*) FROM dispute d" + where).params(params).query(Long.class).single();
    }

    /** The WHERE clause of the filters and the reader's visibility; parameters appended in order. */
    static String where(Disputes.Filter f, Visibility v, List<Object> params, ZoneId zone) {
        StringBuilder w = new StringBuilder(" WHERE ").append(v.condition());
        params.addAll(v.params());
        if (f.level() != null) {
            w.append(" AND d.org_level = ?");
            params.add(f.level().name());
        }
        if (f.orgId() != null) {
            w.append(" AND d.org_id = ?");
            params.add(f.orgId());
        }
        if (f.type() != null) {
            w.append(" AND d.dispute_type = ?");
            params.add(f.type().name());
        }
        if (f.state() != null) {
            w.append(" AND d.state = ?");
            params.add(f.state().name());
        }
        if (f.from() != null) {
            w.append(" AND d.accepted_at >= ?");
            params.add(DisputeStore.utc(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            w.append(" AND d.accepted_at < ?");
            params.add(DisputeStore.utc(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return w.toString();
    }

    /** The masked names of each side, for the rows of a page. */
    private List<Disputes.Summary> withParties(List<Disputes.Summary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        String marks = rows.stream().map(r -> "?").collect(Collectors.joining(","));
        Map<Long, Map<String, List<String>>> names = new HashMap<>();
        jdbc.sql("SELECT dispute_id, side, name_mask FROM dispute_party WHERE dispute_id IN (" + marks + ") ORDER BY seq")
                .params(rows.stream().map(r -> (Object) r.id()).toList())
                .query(rs -> {
                    names.computeIfAbsent(rs.getLong("dispute_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("side"), k -> new ArrayList<>()).add(rs.getString("name_mask"));
                });
        List<Disputes.Summary> out = new ArrayList<>(rows.size());
        for (Disputes.Summary r : rows) {
            Map<String, List<String>> n = names.getOrDefault(r.id(), Map.of());
            out.add(new Disputes.Summary(r.id(), r.code(), r.caseCode(), r.type(), r.typeLabel(), r.title(), r.orgId(),
                    r.orgName(), r.level(), r.levelLabel(), r.state(), r.stateLabel(), r.source(), r.courtMode(),
                    r.amountClaimed(), r.agreedAmount(), r.acceptedAt(), r.dueAt(), r.concludedAt(), r.warnLevel(),
                    String.join("、", n.getOrDefault("APPLICANT", List.of())),
                    String.join("、", n.getOrDefault("RESPONDENT", List.of())), r.performanceState(), r.confirmState()));
        }
        return out;
    }

    /** The working row of a dispute the reader sees. */
    record Row(Disputes.Summary summary, long caseId, String facts, long regionId, String courtReference,
               Long courtOrgId, String outcomeNote, String routes, String terms, LocalDate performanceDue,
               String performanceNote, java.time.Instant confirmAppliedAt, java.time.Instant confirmDecidedAt,
               String confirmNote, long version) {
    }

    Optional<Row> find(long id, Visibility v) {
        List<Object> params = new ArrayList<>(v.params());
        params.add(id);
        return jdbc.sql(SUMMARY.replace("SELECT d.id,", "SELECT d.case_id, d.facts, d.region_id, d.court_reference,"
                        + " d.court_org_id, d.outcome_note, d.routes, d.terms, d.performance_due, d.performance_note,"
                        + " d.confirm_applied_at, d.confirm_decided_at, d.confirm_note, d.version, d.id,")
                        + " WHERE " + v.condition() + " AND d.id = ?")
                .params(params)
                .query((rs, n) -> new Row(summary(rs), rs.getLong("case_id"), rs.getString("facts"),
                        rs.getLong("region_id"), rs.getString("court_reference"),
                        (Long) rs.getObject("court_org_id", Long.class), rs.getString("outcome_note"),
                        rs.getString("routes"), rs.getString("terms"),
                        rs.getObject("performance_due", LocalDate.class), rs.getString("performance_note"),
                        instant(rs, "confirm_applied_at"), instant(rs, "confirm_decided_at"),
                        rs.getString("confirm_note"), rs.getLong("version")))
                .optional()
                .map(r -> new Row(withParties(List.of(r.summary())).get(0), r.caseId(), r.facts(), r.regionId(),
                        r.courtReference(), r.courtOrgId(), r.outcomeNote(), r.routes(), r.terms(), r.performanceDue(),
                        r.performanceNote(), r.confirmAppliedAt(), r.confirmDecidedAt(), r.confirmNote(), r.version()));
    }

    List<Disputes.Party> parties(long disputeId) {
        return jdbc.sql("SELECT id, side, name_mask, id_mask, phone_mask FROM dispute_party WHERE dispute_id = ? ORDER BY side, seq")
                .param(disputeId)
                .query((rs, n) -> new Disputes.Party(rs.getLong("id"), rs.getString("side"),
                        PartySides.label(rs.getString("side")), rs.getString("name_mask"), rs.getString("id_mask"),
                        rs.getString("phone_mask")))
                .list();
    }

    List<Disputes.Mediator> mediators(long disputeId, Map<Long, String> names) {
        return jdbc.sql("SELECT x.user_id, x.org_id, o.name, x.invited FROM dispute_mediator x JOIN mediation_org o"
                        + " ON o.id = x.org_id WHERE x.dispute_id = ? ORDER BY x.invited, x.user_id")
                .param(disputeId)
                .query((rs, n) -> new Disputes.Mediator(rs.getLong("user_id"), names.get(rs.getLong("user_id")),
                        rs.getLong("org_id"), rs.getString("name"), rs.getBoolean("invited")))
                .list();
    }

    List<Long> mediatorIds(long disputeId) {
        return jdbc.sql("SELECT user_id FROM dispute_mediator WHERE dispute_id = ? ORDER BY invited, user_id")
                .param(disputeId).query(Long.class).list();
    }

    List<Disputes.Document> documents(long disputeId) {
        return jdbc.sql("SELECT id, kind, file_name, content_type, created_at, meeting_id FROM dispute_document"
                        + " WHERE dispute_id = ? ORDER BY id")
                .param(disputeId)
                .query((rs, n) -> new Disputes.Document(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("content_type"), instant(rs, "created_at")))
                .list();
    }

    List<Disputes.Meeting> meetings(long disputeId) {
        Map<Long, List<Disputes.Document>> files = new HashMap<>();
        jdbc.sql("SELECT id, kind, file_name, content_type, created_at, meeting_id FROM dispute_document"
                        + " WHERE dispute_id = ? AND meeting_id IS NOT NULL ORDER BY id")
                .param(disputeId)
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>()).add(new Disputes.Document(
                            rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                            rs.getString("content_type"), instant(rs, "created_at")));
                });
        return jdbc.sql("SELECT * FROM dispute_meeting WHERE dispute_id = ? ORDER BY held_at, id").param(disputeId)
                .query((rs, n) -> new Disputes.Meeting(rs.getLong("id"), instant(rs, "held_at"), rs.getString("place"),
                        rs.getString("video_link"), rs.getString("attendees"), rs.getString("minutes"),
                        files.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    List<Disputes.LogEntry> log(long disputeId) {
        return jdbc.sql("SELECT action, note, actor_name, logged_at FROM dispute_log WHERE dispute_id = ? ORDER BY id")
                .param(disputeId)
                .query((rs, n) -> new Disputes.LogEntry(rs.getString("action"), rs.getString("note"),
                        rs.getString("actor_name"), instant(rs, "logged_at")))
                .list();
    }

    static List<String> routes(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }
}
