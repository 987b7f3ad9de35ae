package cn.huying.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.analytics.CaseBoard;
import cn.huying.identity.CurrentUser;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leader's overview read from the daily rollup: after each refresh its figures equal a count
 * over the cases themselves, for a town leader (the town's rollup) and for a user who sees the
 * whole tree; between two refreshes the days before today are as of the last refresh.
 */
class CaseStatsRollupIT extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseStatsRollup rollup;

    @Autowired
    CaseBoard board;

    @Test
    void theOverviewFromTheRollupEqualsALiveCountAfterEachRefresh() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Instant yesterdayMorning = today.minusDays(1).atTime(9, 30).atZone(ZONE).toInstant();
        String tag = "楼道堆物" + UUID.randomUUID().toString().substring(0, 6);

        // yesterday: three reports in 木石镇; one registered, one rejected, one settled on the spot and closed
        clock.set(yesterdayMorning);
        long registered = report("gumei", "LIVE_PROPERTY", tag + " 1", false);
        long rejected = report("gumei", "LIVE_PROPERTY", tag + " 2", false);
        long settled = report("gumei", "LIVE_SANITATION", tag + " 3", true);
        clock.set(yesterdayMorning.plus(Duration.ofHours(1)));
        act("dispatcher", registered, "register", Map.of());
        act("dispatcher", rejected, "reject", Map.of("note", "不属于受理范围"));
        act("dispatcher", settled, "verify", Map.of());
        act("dispatcher", settled, "close", Map.of());
        // today: one more report
        clock.reset();
        long reportedToday = report("gumei", "LIVE_PROPERTY", tag + " 4", false);

        CaseStatsRollup.Run run = rollup.refresh(true);
        assertThat(run.ran()).isTrue();
        CurrentUser leader = currentUser("leader", "case:view");
        CurrentUser admin = currentUser("admin", "case:view");
        String town = jdbc.sql("SELECT r.path FROM region r JOIN app_user u ON u.scope_region_id = r.id"
                + " WHERE u.username = 'leader'").query(String.class).single();
        LocalDate from = today.minusDays(6);
        LocalDate to = today.plusDays(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_case_stats_daily WHERE scope_path = ? AND stat_day = ?")
                .params(town, today.minusDays(1)).query(Long.class).single())
                .as("yesterday's figures of the town are in the rollup").isPositive();
        assertSameAsLive(board.stats(leader, from, to), town, from, to);
        assertSameAsLive(board.stats(admin, from, to), "/", from, to);

        // today a case reported yesterday is dispatched: yesterday's figures stay as they were until the next refresh
        long registeredBefore = byState(board.stats(leader, from, to)).get("REGISTERED");
        act("dispatcher", registered, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        assertThat(byState(board.stats(leader, from, to)).get("REGISTERED")).isEqualTo(registeredBefore);
        assertThat(rollup.refresh(true).days()).as("the day the case was reported is recomputed").isPositive();
        assertThat(byState(board.stats(leader, from, to)).get("REGISTERED")).isEqualTo(registeredBefore - 1);
        assertSameAsLive(board.stats(leader, from, to), town, from, to);
        assertSameAsLive(board.stats(admin, from, to), "/", from, to);

        // a period that ends before today comes from the rollup alone, and agrees too
        assertSameAsLive(board.stats(leader, from, today), town, from, today);

        // nothing changed: a refresh finds no day to recompute from the settled history, and writes nothing
        assertThat(rollup.refresh(true).rowsWritten()).isZero();

        // out of 木石镇's work queues again (the browser tests expect their own cases on the first page)
        act("dispatcher", reportedToday, "reject", Map.of("note", "测试结束"));
        act("dispatcher", registered, "transfer", Map.of("note", "测试结束", "receivingBody", "测试接收单位"));
    }

    /** The overview's figures against a GROUP BY over the cases of the scope reported in [from, to). */
    private void assertSameAsLive(CaseBoard.Stats stats, String scopePath, LocalDate from, LocalDate to) {
        Object[] range = {scopePath + "%", start(from), start(to)};
        String cases = " FROM case_file c JOIN region r ON r.id = c.region_id WHERE r.path LIKE ?"
                + " AND c.created_at >= ? AND c.created_at < ?";
        assertThat(stats.total()).isEqualTo(count("SELECT COUNT(*)" + cases, range));
        assertThat(nonZero(stats.byState())).isEqualTo(grouped("c.state", cases, range));
        assertThat(nonZero(stats.byKind())).isEqualTo(grouped("c.kind", cases, range));
        assertThat(nonZero(stats.byTier())).isEqualTo(grouped("c.tier", cases, range));
        assertThat(nonZero(stats.byChannel())).isEqualTo(grouped("c.channel", cases, range));
        assertThat(nonZero(stats.resolvedAt())).isEqualTo(grouped("c.resolved_tier", cases
                + " AND c.resolved_tier IS NOT NULL", range));
        assertThat(stats.trend()).hasSize((int) (to.toEpochDay() - from.toEpochDay()));
        for (CaseBoard.DayCount d : stats.trend()) {
            Object[] day = {scopePath + "%", start(d.day()), start(d.day().plusDays(1))};
            assertThat(d.reported()).as("reported on " + d.day()).isEqualTo(count("SELECT COUNT(*)" + cases, day));
            assertThat(d.closed()).as("closed on " + d.day()).isEqualTo(count("SELECT COUNT(*) FROM case_file c"
                    + " JOIN region r ON r.id = c.region_id WHERE r.path LIKE ? AND c.closed_at >= ?"
                    + " AND c.closed_at < ?", day));
        }
    }

    private static Map<String, Long> byState(CaseBoard.Stats stats) {
        Map<String, Long> out = new LinkedHashMap<>();
        stats.byState().forEach(c -> out.put(c.key(), c.count()));
        return out;
    }

    private static Map<String, Long> nonZero(java.util.List<CaseBoard.Count> counts) {
        Map<String, Long> out = new HashMap<>();
        counts.stream().filter(c -> c.count() > 0).forEach(c -> out.put(c.key(), c.count()));
        return out;
    }

    private Map<String, Long> grouped(String column, String cases, Object[] params) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n" + cases + " GROUP BY " + column).params(params)
                .query(rs -> {
                    out.put(rs.getString("k"), rs.getLong("n"));
                });
        return out;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static java.time.OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    private long report(String user, String category, String description, boolean settledOnSpot) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "description", description,
                "lat", p[0], "lng", p[1]));
        if (settledOnSpot) {
            body.put("resolvedOnSpot", true);
            body.put("onSpotReply", "已协调住户清理");
        }
        Http.Response r = http.post("/api/cases", body).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
