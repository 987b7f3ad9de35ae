package cn.huying.cases.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Tier;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The few facts of a case that the service loop and supervision decide on, read in one small query. */
@Repository
class CaseSnapshots {

    /** A case as the loop sees it. */
    record Snapshot(long id, String code, String title, Channel channel, CaseState state, Tier tier,
                    Long departmentId, Long handlerId, long regionId, Instant firstContactedAt, Instant lastProgressAt) {

        /** The facts every case event carries, for an event the loop publishes (no person acted: actor 0). */
        CaseEvent.Facts facts(Instant now) {
            return new CaseEvent.Facts(id, code, title, channel, state, tier, departmentId, regionId, 0L, now);
        }
    }

    private final JdbcClient jdbc;

    CaseSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Snapshot> find(long id) {
        return jdbc.sql("""
                SELECT id, code, title, channel, state, tier, department_id, handler_id, region_id, first_contacted_at,
                       last_progress_at FROM case_file WHERE id = ?""").param(id)
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        Channel.valueOf(rs.getString("channel")), CaseState.valueOf(rs.getString("state")),
                        Tier.valueOf(rs.getString("tier")), rs.getObject("department_id", Long.class),
                        rs.getObject("handler_id", Long.class), rs.getLong("region_id"),
                        CaseRows.instant(rs, "first_contacted_at"), CaseRows.instant(rs, "last_progress_at")))
                .optional();
    }
}
