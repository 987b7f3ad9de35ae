package cn.huying.cases.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The service loop as the command centre reads it: the revisits to make, with their lights, and the missed ones. */
@Service
public class ServiceLoopReads {

    /**
     * A revisit 回访 to make or made late.
     *
     * @param light GREEN before its day, YELLOW on the day it is due, RED once missed
     */
    public record Revisit(long caseId, String code, String title, Instant closedAt, Instant dueAt, Instant missedAt,
                          Instant revisitedAt, cn.huying.cases.Light light) {
    }

    private final CaseReads cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceLoopReads(CaseReads cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code due}: closed cases still to be revisited, soonest first; {@code missed}: the ledger of missed revisits. */
    public PageResult<Revisit> revisits(String status, CurrentUser user, PageRequest page) {
        if (!user.can("case:revisit") || !user.can("ledger:view")) {
            throw DomainException.forbidden("auth.forbidden");
        }
        String condition = switch (status) {
            case "due" -> " AND w.done_at IS NULL AND w.missed_at IS NULL";
            case "missed" -> " AND w.missed_at IS NOT NULL";
            default -> throw DomainException.invalid("revisit.status.unknown", status);
        };
        List<Object> params = new ArrayList<>();
        String where = cases.caseScope(user).where(params) + " AND w.kind = 'REVISIT'" + condition;
        String from = " FROM case_watch w JOIN case_file c ON c.id = w.case_id JOIN region r ON r.id = c.region_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        Instant now = clock.instant();
        List<Revisit> items = jdbc.sql("SELECT c.id, c.code, c.title, c.closed_at, w.due_at, w.remind_at, w.missed_at,"
                        + " w.done_at" + from + where + " ORDER BY w.due_at, c.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> {
                    Instant due = CaseRows.instant(rs, "due_at");
                    Instant remind = CaseRows.instant(rs, "remind_at");
                    Instant missed = CaseRows.instant(rs, "missed_at");
                    cn.huying.cases.Light light = missed != null || !now.isBefore(due) ? cn.huying.cases.Light.RED
                            : remind != null && !now.isBefore(remind) ? cn.huying.cases.Light.YELLOW
                            : cn.huying.cases.Light.GREEN;
                    return new Revisit(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                            CaseRows.instant(rs, "closed_at"), due, missed, CaseRows.instant(rs, "done_at"),
                            light);
                })
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
