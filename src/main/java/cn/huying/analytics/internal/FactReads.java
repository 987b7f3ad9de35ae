package cn.huying.analytics.internal;

import cn.huying.analytics.LedgerFilter;
import cn.huying.analytics.LedgerRow;
import cn.huying.analytics.PeriodStats;
import cn.huying.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Analytics' reads of the published read model {@code case_facts_v f}, always under a region path prefix (the
 * caller's scope or a region inside it) bound as a parameter.
 */
@Component
public class FactReads {

    private static final String COLUMNS = "f.id, f.code, f.title, f.kind, f.category_name, f.channel, f.state,"
            + " f.region_name, f.department_name, f.received_at, f.due_at, f.resolved_at, f.closed_at, f.resolved_tier,"
            + " f.satisfaction";

    private final JdbcClient jdbc;
    private final Clock clock;

    FactReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The start of the day in the platform's zone, as a UTC parameter. */
    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The ledger's rows, newest first, handed one by one (an export streams them), at most {@code limit}. */
    void ledger(String prefix, LedgerFilter filter, int limit, Consumer<LedgerRow> sink) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM case_facts_v f WHERE f.region_path LIKE :path");
        p.put("path", prefix + "%");
        switch (filter.ledger() == null ? "general" : filter.ledger()) {
            case "general" -> { }
            case "hazards" -> sql.append(" AND f.kind = 'SAFETY_HAZARD'");
            case "disputes" -> sql.append(" AND f.kind = 'DISPUTE'");
            default -> throw DomainException.notFound("analytics.ledger.unknown", filter.ledger());
        }
        if (filter.kind() != null) {
            sql.append(" AND f.kind = :kind");
            p.put("kind", filter.kind());
        }
        if (filter.state() != null) {
            sql.append(" AND f.state = :state");
            p.put("state", filter.state());
        }
        if (filter.channel() != null) {
            sql.append(" AND f.channel = :channel");
            p.put("channel", filter.channel());
        }
        if (filter.q() != null) {
            sql.append(" AND (f.code = :code OR f.title LIKE :q)");
            p.put("code", filter.q());
            p.put("q", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            sql.append(" AND f.received_at >= :from");
            p.put("from", start(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND f.received_at < :to");
            p.put("to", start(filter.to().plusDays(1)));
        }
        sql.append(" ORDER BY f.received_at DESC, f.id DESC LIMIT :limit");
        p.put("limit", limit);
        jdbc.sql(sql.toString()).params(p).query(rs -> {
            sink.accept(row(rs));
        });
    }

    private static LedgerRow row(ResultSet rs) throws SQLException {
        return new LedgerRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("kind"),
                rs.getString("category_name"), rs.getString("channel"), rs.getString("state"),
                rs.getString("region_name"), rs.getString("department_name"), instant(rs, "received_at"),
                instant(rs, "due_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                rs.getString("resolved_tier"), rs.getString("satisfaction"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    PeriodStats stats(String prefix, LocalDate from, LocalDate to) {
        Map<String, Object> p = new HashMap<>();
        p.put("path", prefix + "%");
        p.put("from", start(from));
        p.put("to", start(to.plusDays(1)));
        long received = count("f.received_at", "1 = 1", p);
        long disputes = count("f.resolved_at", "f.kind = 'DISPUTE'", p);
        long hazards = count("f.resolved_at", "f.kind = 'SAFETY_HAZARD'", p);
        long closed = count("f.closed_at", "1 = 1", p);
        long inGrid = count("f.resolved_at", "f.resolved_tier = 'GRID'", p);
        return new PeriodStats(from, to, received, disputes, hazards, closed, inGrid, grouped("f.channel", p),
                grouped("f.kind", p));
    }

    private long count(String dateColumn, String condition, Map<String, Object> p) {
        return jdbc.sql("SELECT COUNT(*) FROM case_facts_v f WHERE f.region_path LIKE :path AND " + dateColumn
                + " >= :from AND " + dateColumn + " < :to AND " + condition).params(p).query(Long.class).single();
    }

    private Map<String, Long> grouped(String column, Map<String, Object> p) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM case_facts_v f WHERE f.region_path LIKE :path"
                + " AND f.received_at >= :from AND f.received_at < :to GROUP BY " + column + " ORDER BY COUNT(*) DESC, "
                + column).params(p).query(rs -> {
                    out.put(rs.getString("k"), rs.getLong("n"));
                });
        return out;
    }

    /** Cases received and closed per day-range bucket (e.g. months), for the trend chart. */
    long[] receivedAndClosed(String prefix, LocalDate from, LocalDate to) {
        Map<String, Object> p = new HashMap<>();
        p.put("path", prefix + "%");
        p.put("from", start(from));
        p.put("to", start(to.plusDays(1)));
        return new long[]{count("f.received_at", "1 = 1", p), count("f.closed_at", "1 = 1", p)};
    }

    /** An overdue case at {@code at}: open (not finished), its due date passed, with its latest staged progress. */
    record Overdue(long id, String code, String title, String departmentName, Instant dueAt, String reason,
                   String nextSteps, LocalDate promised) {
    }

    List<Overdue> overdue(String prefix, Instant at, int limit) {
        return jdbc.sql("""
                SELECT f.id, f.code, f.title, f.department_name, f.due_at, f.progress_reason, f.progress_next_steps,
                       f.progress_promised_date FROM case_facts_v f
                 WHERE f.region_path LIKE :path AND f.due_at < :at
                   AND f.state NOT IN ('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED', 'RESOLVED', 'VERIFIED')
                 ORDER BY f.due_at, f.id LIMIT :limit""")
                .param("path", prefix + "%").param("at", at.atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query((rs, i) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("department_name"), instant(rs, "due_at"), rs.getString("progress_reason"),
                        rs.getString("progress_next_steps"), rs.getObject("progress_promised_date", LocalDate.class)))
                .list();
    }

    /** A typical case 典型案例: closed in the period, with its description and how it was resolved. */
    record Typical(long id, String code, String title, String description, String kind, String categoryName,
                   String regionName, String departmentName, String resolvedTier, String satisfaction) {
    }

    /** Up to {@code n} cases closed in the period, of different kinds where possible, satisfied ones first. */
    List<Typical> typical(String prefix, LocalDate from, LocalDate to, int n) {
        List<Typical> all = jdbc.sql("""
                SELECT f.id, f.code, f.title, f.description, f.kind, f.category_name, f.region_name, f.department_name,
                       f.resolved_tier, f.satisfaction FROM case_facts_v f
                 WHERE f.region_path LIKE :path AND f.closed_at >= :from AND f.closed_at < :to
                 ORDER BY CASE WHEN f.satisfaction = 'SATISFIED' THEN 0 ELSE 1 END, f.closed_at DESC, f.id DESC LIMIT 200""")
                .param("path", prefix + "%").param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> new Typical(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("description"), rs.getString("kind"), rs.getString("category_name"),
                        rs.getString("region_name"), rs.getString("department_name"), rs.getString("resolved_tier"),
                        rs.getString("satisfaction"))).list();
        List<Typical> out = new ArrayList<>();
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (Typical t : all) {
            if (out.size() < n && kinds.add(t.kind())) {
                out.add(t);
            }
        }
        for (Typical t : all) {
            if (out.size() < n && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A case's text and place, for the hot issues: the description only — the title of a grid report is its
     * category's name, which would count the category rather than the issue.
     */
    record Text(long id, String text, Long villageId, Double lat, Double lng) {
    }

    void texts(String prefix, LocalDate from, LocalDate to, Consumer<Text> sink) {
        jdbc.sql("""
                SELECT f.id, f.description, f.village_id, f.lat, f.lng FROM case_facts_v f
                 WHERE f.region_path LIKE :path AND f.received_at >= :from AND f.received_at < :to
                   AND f.state <> 'MERGED'""")
                .param("path", prefix + "%").param("from", start(from)).param("to", start(to.plusDays(1)))
                .query(rs -> {
                    long v = rs.getLong("village_id");
                    Long village = rs.wasNull() ? null : v;
                    double lat = rs.getDouble("lat");
                    Double la = rs.wasNull() ? null : lat;
                    double lng = rs.getDouble("lng");
                    Double ln = rs.wasNull() ? null : lng;
                    sink.accept(new Text(rs.getLong("id"), rs.getString("description"),
                            village, la, ln));
                });
    }
}
