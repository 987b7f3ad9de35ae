package cn.huying.analytics.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.Channel;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What analytics' reads of the published view {@code case_work_v} share: the list's columns and their mapping to a
 * {@link CaseSummary}, instants in and out, and counts that stop at a cap.
 */
final class WorkRows {

    /** What a list counts up to; above it the pages show "1000+" (the same cap as cases' own list). */
    static final int CAP = 1000;

    /** The columns of a case in a list, over {@code case_work_v c}. */
    static final String SUMMARY_COLUMNS = "c.id, c.code, c.title, c.kind, c.category_name, c.channel, c.urgency,"
            + " c.state, c.tier, c.region_id, c.region_name, c.department_id, c.department_name, c.created_at,"
            + " c.updated_at, c.version";

    private WorkRows() {
    }

    static CaseSummary summary(ResultSet rs, int n) throws SQLException {
        CaseState state = CaseState.valueOf(rs.getString("state"));
        return new CaseSummary(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("category_name"),
                Channel.valueOf(rs.getString("channel")), Urgency.valueOf(rs.getString("urgency")), state,
                state.label(), Tier.valueOf(rs.getString("tier")), rs.getLong("region_id"), rs.getString("region_name"),
                rs.getObject("department_id", Long.class), rs.getString("department_name"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The cap of a list page: {@link #CAP}, or more on a page beyond it so that the page itself is counted. */
    static long capFor(PageRequest page) {
        return Math.max(CAP, (long) page.offset() + page.size());
    }

    /**
     * Rows of {@code fromWhere} (the FROM … WHERE part of a query, without ORDER BY) counted up to {@code cap + 1}:
     * {@code SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap+1)} reads at most cap+1 index entries; a result of
     * {@code cap + 1} means more than {@code cap}.
     */
    static long count(JdbcClient jdbc, String fromWhere, List<Object> params, long cap) {
        List<Object> p = new ArrayList<>(params);
        p.add(cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one " + fromWhere + " LIMIT ?) capped")
                .params(p).query(Long.class).single();
    }

    /**
     * The SQL of the day (in the platform's zone) of a timestamp column, as days since 1970-01-01:
     * the zone's offset now added to the epoch seconds (China has kept one offset since 1991; a zone with
     * daylight saving time would count the days of the other season an hour off), the same on H2 and
     * PostgreSQL whatever the session's time zone.
     */
    static String day(String column, ZoneId zone) {
        int offset = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
        return "CAST(FLOOR((EXTRACT(EPOCH FROM " + column + ") + " + offset + ") / 86400) AS BIGINT)";
    }

    static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return utc(day.atStartOfDay(zone).toInstant());
    }
}
