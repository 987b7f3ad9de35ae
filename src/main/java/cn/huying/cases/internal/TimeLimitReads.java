package cn.huying.cases.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.Light;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the time-limit screens need beyond {@link TimeLimitService}, all in the caller's data scope
 * (bound in the SQL like every case read): pending extension requests a page at a time with the deadline an
 * approval would give, and the deadline and light of the cases of a list. The ledgers 台账 are analytics'.
 */
@Component
public class TimeLimitReads {

    /**
     * An extension request waiting for a decision, with what the approver needs beside it.
     *
     * @param dueAt          the case's deadline now
     * @param dueIfApproved  the deadline an approval would give (the requested working days after {@code dueAt})
     */
    public record PendingExtension(TimeLimitService.Extension extension, String caseTitle, String departmentName,
                                   String regionName, Instant dueAt, Instant dueIfApproved) {
    }

    /** The deadline of a case in a list and its light (GREEN, YELLOW, RED, STOPPED, DONE, LATE or NONE). */
    public record CaseDeadline(long caseId, Instant dueAt, Light light) {
    }

    private static final Set<CaseState> FINISHED = EnumSet.of(CaseState.RESOLVED, CaseState.VERIFIED, CaseState.CLOSED,
            CaseState.REVISITED, CaseState.MERGED, CaseState.REJECTED);

    private final CaseReads cases;
    private final TimeLimitService service;
    private final TimeLimitPolicy policy;
    private final TimeLimitConfig.SlaProperties props;
    private final JdbcClient jdbc;
    private final Clock clock;

    TimeLimitReads(CaseReads cases, TimeLimitService service, TimeLimitPolicy policy,
                   TimeLimitConfig.SlaProperties props, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.policy = policy;
        this.props = props;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The most working days one extension may add ({@code huying.sla.max-extension-days}). */
    public int maxExtensionDays() {
        return props.maxExtensionDays();
    }

    /** Extension requests waiting for this approver in their scope, oldest first, one page at a time. */
    public PageResult<PendingExtension> pendingExtensions(CurrentUser user, PageRequest page) {
        if (!user.can("extension:approve")) {
            throw DomainException.forbidden("auth.forbidden");
        }
        CaseScope scope = cases.caseScope(user);
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + " AND e.status = 'PENDING'";
        long total = jdbc.sql("SELECT COUNT(*) FROM case_extension e JOIN case_file c ON c.id = e.case_id"
                + " JOIN region r ON r.id = c.region_id" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        record Row(long id, String title, String department, String region, Instant dueAt) {
        }
        List<Row> rows = jdbc.sql("SELECT e.id, c.title, d.name AS department_name, r.name AS region_name, c.due_at"
                        + " FROM case_extension e JOIN case_file c ON c.id = e.case_id JOIN region r ON r.id = c.region_id"
                        + " LEFT JOIN department d ON d.id = c.department_id" + where + " ORDER BY e.id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("department_name"),
                        rs.getString("region_name"), CaseRows.instant(rs, "due_at")))
                .list();
        List<PendingExtension> items = new ArrayList<>();
        for (Row row : rows) {
            TimeLimitService.Extension e = service.extension(row.id());
            Instant dueIfApproved = row.dueAt() == null ? null : policy.endOfNthWorkdayAfter(row.dueAt(), e.workingDays());
            items.add(new PendingExtension(e, row.title(), row.department(), row.region(), row.dueAt(), dueIfApproved));
        }
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** The deadline an extension of {@code workingDays} would give a case due at {@code dueAt}. */
    public Instant dueAfterExtension(Instant dueAt, int workingDays) {
        return policy.endOfNthWorkdayAfter(dueAt, workingDays);
    }

    /**
     * The deadline and light of each of these cases that is in the user's scope, by the same rule
     * as the case view ({@link CaseReads#light}).
     */
    public Map<Long, CaseDeadline> deadlines(Collection<Long> caseIds, CurrentUser user) {
        Map<Long, CaseDeadline> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>();
        String where = cases.caseScope(user).where(params);
        StringBuilder in = new StringBuilder();
        for (Long id : caseIds) {
            in.append(in.isEmpty() ? "?" : ", ?");
            params.add(id);
        }
        Instant now = clock.instant();
        jdbc.sql("SELECT c.id, c.state, c.due_at, c.yellow_at, c.red_at, c.clock_stopped_at, c.resolved_at"
                        + " FROM case_file c JOIN region r ON r.id = c.region_id" + where + " AND c.id IN (" + in + ")")
                .params(params)
                .query(rs -> {
                    Instant due = CaseRows.instant(rs, "due_at");
                    Light light = Light.of(CaseState.valueOf(rs.getString("state")), due,
                            CaseRows.instant(rs, "yellow_at"), CaseRows.instant(rs, "red_at"),
                            CaseRows.instant(rs, "clock_stopped_at"), CaseRows.instant(rs, "resolved_at"), now);
                    out.put(rs.getLong("id"), new CaseDeadline(rs.getLong("id"), due, light));
                });
        return out;
    }

}
