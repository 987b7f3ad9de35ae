package cn.huying.hotline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service requests received through Open311 and their last seen state. */
@Repository
class Open311Repository {

    /** One stored request; {@code status} is {@code open} or {@code closed}. */
    record Row(long caseId, String code, String token, long townId, String serviceCode, String mediaUrl,
               Instant requestedAt, String status, String statusNote) {
    }

    private static final String COLUMNS = """
            case_id, request_code, token, town_id, service_code, media_url, requested_at, status, status_note""";

    private final JdbcClient jdbc;

    Open311Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("case_id"), rs.getString("request_code"), rs.getString("token"),
                rs.getLong("town_id"), rs.getString("service_code"), rs.getString("media_url"),
                instant(rs, "requested_at"), rs.getString("status"), rs.getString("status_note"));
    }

    void insert(Row row, long submittedBy, String caseState, Instant now) {
        jdbc.sql("""
                INSERT INTO open311_request (case_id, request_code, token, town_id, service_code, media_url,
                                             submitted_by, requested_at, case_state, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.caseId(), row.code(), row.token(), row.townId(), row.serviceCode(), row.mediaUrl(),
                        submittedBy, utc(row.requestedAt()), caseState, row.status(), utc(now))
                .update();
    }

    /** Follows a case change; a case that did not come through Open311 matches no row. */
    void track(long caseId, String caseState, String status, String statusNote, Instant at) {
        jdbc.sql("""
                UPDATE open311_request SET case_state = ?, status = ?, status_note = COALESCE(?, status_note),
                       updated_at = ? WHERE case_id = ?""")
                .params(caseState, status, statusNote, utc(at), caseId)
                .update();
    }

    Optional<Row> findByCode(long townId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM open311_request WHERE request_code = ? AND town_id = ?")
                .params(code, townId).query(Open311Repository::map).optional();
    }

    Optional<Row> findByToken(long townId, String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM open311_request WHERE token = ? AND town_id = ?")
                .params(token, townId).query(Open311Repository::map).optional();
    }

    /** The requests of a town matching the query, most recent first. Values are bound, never spliced. */
    List<Row> find(long townId, RequestQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM open311_request WHERE town_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(townId);
        if (q.byIds()) {
            sql.append(" AND request_code IN (").append(placeholders(q.ids().size())).append(')');
            params.addAll(q.ids());
        } else {
            sql.append(" AND requested_at >= ? AND requested_at <= ?");
            params.add(utc(q.start()));
            params.add(utc(q.end()));
            if (!q.serviceCodes().isEmpty()) {
                sql.append(" AND service_code IN (").append(placeholders(q.serviceCodes().size())).append(')');
                params.addAll(q.serviceCodes());
            }
            if (!q.statuses().isEmpty()) {
                sql.append(" AND status IN (").append(placeholders(q.statuses().size())).append(')');
                params.addAll(q.statuses());
            }
        }
        sql.append(" ORDER BY requested_at DESC, case_id DESC LIMIT ? OFFSET ?");
        params.add(q.pageSize());
        params.add(q.offset());
        return jdbc.sql(sql.toString()).params(params).query(Open311Repository::map).list();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
