package cn.huying.mediation.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.OrgLevel;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Dispute statistics 矛盾纠纷统计 per level, organisation or type over a period (by acceptance date): received
 * 受理, mediated 调结 (concluded with success, failure or termination), success rate 调解成功率, amounts, on-time share
 * 按期调结率, court-linked 诉调对接 count and judicial confirmations 司法确认. Rates are percentages at scale 1,
 * HALF_UP; amounts are yuan at scale 2. Within the reader's visibility, in the SQL.
 */
@Service
public class MediationStats {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final Clock clock;

    MediationStats(JdbcClient jdbc, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** {@code groupBy}: level, org or type. The last row is the total. */
    public List<Disputes.StatsRow> stats(String groupBy, Disputes.Filter filter, CurrentUser user) {
        DisputeLedger.requireStats(user);
        String key = switch (groupBy == null ? "level" : groupBy) {
            case "level" -> "d.org_level";
            case "org" -> "o.name";
            case "type" -> "d.dispute_type";
            default -> throw new InvalidInput(List.of(new InvalidInput.FieldError("groupBy", "mediation.stats.group-unknown",
                    new Object[]{groupBy})));
        };
        List<Object> params = new ArrayList<>();
        String where = DisputeReads.where(filter, Visibility.of(user, users.scopeOf(user)), params,
                clock.getZone());
        String sql = "SELECT " + key + " AS k, COUNT(*) AS received,"
                + " SUM(CASE WHEN d.state IN ('SUCCEEDED', 'FAILED', 'TERMINATED') THEN 1 ELSE 0 END) AS mediated,"
                + " SUM(CASE WHEN d.state = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded,"
                + " COALESCE(SUM(d.amount_claimed), 0) AS claimed, COALESCE(SUM(d.agreed_amount), 0) AS agreed,"
                + " SUM(CASE WHEN d.state IN ('SUCCEEDED', 'FAILED', 'TERMINATED') AND d.concluded_at <= d.due_at"
                + " THEN 1 ELSE 0 END) AS on_time,"
                + " SUM(CASE WHEN d.court_mode IS NOT NULL OR EXISTS (SELECT 1 FROM dispute_mediator x JOIN mediation_org c"
                + " ON c.id = x.org_id WHERE x.dispute_id = d.id AND c.kind = 'COURT') THEN 1 ELSE 0 END) AS court_linked,"
                + " SUM(CASE WHEN d.confirm_state = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmations"
                + " FROM dispute d JOIN mediation_org o ON o.id = d.org_id" + where + " GROUP BY " + key + " ORDER BY " + key;
        List<Disputes.StatsRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs.getString("k"),
                label(groupBy, rs.getString("k")), rs.getLong("received"), rs.getLong("mediated"), rs.getLong("succeeded"),
                rs.getBigDecimal("claimed"), rs.getBigDecimal("agreed"), rs.getLong("on_time"),
                rs.getLong("court_linked"), rs.getLong("confirmations"))).list();
        List<Disputes.StatsRow> out = new ArrayList<>(rows);
        // levels as 镇、村、企 and types in their listed order; organisations by name
        if (!"org".equals(groupBy)) {
            out.sort(java.util.Comparator.comparingInt(r -> "type".equals(groupBy)
                    ? DisputeType.valueOf(r.key()).ordinal() : OrgLevel.valueOf(r.key()).ordinal()));
        }
        out.add(row("TOTAL", "合计", rows.stream().mapToLong(Disputes.StatsRow::received).sum(),
                rows.stream().mapToLong(Disputes.StatsRow::mediated).sum(),
                rows.stream().mapToLong(Disputes.StatsRow::succeeded).sum(),
                rows.stream().map(Disputes.StatsRow::amountClaimed).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Disputes.StatsRow::amountAgreed).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().mapToLong(Disputes.StatsRow::onTime).sum(),
                rows.stream().mapToLong(Disputes.StatsRow::courtLinked).sum(),
                rows.stream().mapToLong(Disputes.StatsRow::confirmations).sum()));
        return out;
    }

    private static Disputes.StatsRow row(String key, String label, long received, long mediated, long succeeded,
                                         BigDecimal claimed, BigDecimal agreed, long onTime, long courtLinked,
                                         long confirmations) {
        return new Disputes.StatsRow(key, label, received, mediated, succeeded, percent(succeeded, mediated),
                claimed.setScale(2, RoundingMode.HALF_UP), agreed.setScale(2, RoundingMode.HALF_UP), onTime,
                percent(onTime, mediated), courtLinked, confirmations);
    }

    /** part / whole as a percentage, scale 1, HALF_UP; null when nothing was mediated. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String label(String groupBy, String key) {
        if ("level".equals(groupBy == null ? "level" : groupBy)) {
            return OrgLevel.valueOf(key).label();
        }
        if ("type".equals(groupBy)) {
            return DisputeType.valueOf(key).label();
        }
        return key;
    }
}
