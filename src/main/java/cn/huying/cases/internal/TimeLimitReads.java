package cn.huying.cases.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.LedgerEntry;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the time-limit screens need beyond {@link TimeLimitService}, all in the caller's data scope
 * (bound in the SQL like every case read): the ledgers 台账 with the filters of the screen (the same
 * conditions as {@link TimeLimitService#ledger}, one page at a time or every row for the Excel export),
 * pending extension requests a page at a time with the deadline an approval would give, and the
 * deadline and light of the cases of a list.
 */
@Component
public class TimeLimitReads {

    /**
     * What a ledger screen filters by; every part may be null.
     *
     * @param departmentId the handling department
     * @param kind         the kind of case
     * @param q            a case code, or words of the title
     */
    public record LedgerFilter(Long departmentId, CaseKind kind, String q) {

        public LedgerFilter {
            q = q == null || q.isBlank() ? null : q.strip();
            if (q != null && q.length() > 100) {
                q = q.substring(0, 100);
            }
        }

        public static LedgerFilter none() {
            return new LedgerFilter(null, null, null);
        }

        public boolean isEmpty() {
            return departmentId == null && kind == null && q == null;
        }
    }

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
    public record CaseDeadline(long caseId, Instant dueAt, String light) {
    }

    /** The ledgers, by the names the pages use. */
    public static final List<String> LEDGERS = List.of("overdue", "problems", "yellow", "red");

    private static final int EXPORT_BATCH = PageRequest.MAX_SIZE;
    private static final Set<CaseState> FINISHED = EnumSet.of(CaseState.RESOLVED, CaseState.VERIFIED, CaseState.CLOSED,
            CaseState.REVISITED, CaseState.MERGED, CaseState.REJECTED);
    private static final String LEDGER_SELECT = LedgerQueries.ENTRY_SELECT;

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

    /** The ledger by its page name (overdue, problems, yellow, red); unknown names are not found. */
    static LedgerQueries.Ledger ledgerOf(String which) {
        try {
            return LedgerQueries.Ledger.valueOf(which.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound("ledger.unknown", which);
        }
    }

    /** One page of a ledger with the screen's filters, as of {@code now}. */
    public PageResult<LedgerEntry> ledger(String which, LedgerFilter filter, CurrentUser user, PageRequest page,
                                          Instant now) {
        LedgerQueries.Ledger ledger = ledgerOf(which);
        CaseScope scope = scopeForLedgers(user);
        List<Object> params = new ArrayList<>();
        String where = where(ledger, filter, scope, now, params);
        long cap = CappedCount.capFor(page);
        long counted = CappedCount.count(jdbc, "FROM case_file c JOIN region r ON r.id = c.region_id" + where, params,
                cap);
        params.add(page.size());
        params.add(page.offset());
        List<LedgerEntry> items = jdbc.sql(LEDGER_SELECT + where + " ORDER BY c.due_at, c.id LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> LedgerQueries.entry(rs, now)).list();
        return PageResult.capped(items, counted, cap, page.page(), page.size());
    }

    /**
     * Every row of a ledger with the screen's filters, as of {@code now}, handed over one page
     * ({@value #EXPORT_BATCH} rows) at a time so an export never holds the whole ledger in memory.
     *
     * @return how many rows were handed over
     */
    public long eachLedgerPage(String which, LedgerFilter filter, CurrentUser user, Instant now,
                               Consumer<List<LedgerEntry>> pageConsumer) {
        long rows = 0;
        for (int page = 0; ; page++) {
            PageResult<LedgerEntry> result = ledger(which, filter, user, new PageRequest(page, EXPORT_BATCH), now);
            if (result.items().isEmpty()) {
                return rows;
            }
            pageConsumer.accept(result.items());
            rows += result.items().size();
            if (result.items().size() < EXPORT_BATCH) {
                return rows;
            }
        }
    }

    private CaseScope scopeForLedgers(CurrentUser user) {
        if (!user.can("ledger:view") && !user.can("supervision:view")) {
            throw DomainException.forbidden("auth.forbidden");
        }
        return cases.caseScope(user);
    }

    private static String where(LedgerQueries.Ledger ledger, LedgerFilter filter, CaseScope scope, Instant now,
                                List<Object> params) {
        StringBuilder where = new StringBuilder(scope.where(params)).append(LedgerQueries.ledger(ledger, now, params));
        LedgerFilter f = filter == null ? LedgerFilter.none() : filter;
        if (f.departmentId() != null) {
            where.append(" AND c.department_id = ?");
            params.add(f.departmentId());
        }
        if (f.kind() != null) {
            where.append(" AND c.kind = ?");
            params.add(f.kind().name());
        }
        if (f.q() != null) {
            // the words are text: LIKE's wildcards in them are escaped, not dropped
            where.append(" AND (c.code = ? OR c.title LIKE ? ESCAPE '\\')");
            params.add(f.q());
            params.add("%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
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
                        rs.getString("region_name"), CaseRepository.instant(rs, "due_at")))
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
                    Instant due = CaseRepository.instant(rs, "due_at");
                    String light = light(CaseState.valueOf(rs.getString("state")), due,
                            CaseRepository.instant(rs, "yellow_at"), CaseRepository.instant(rs, "red_at"),
                            CaseRepository.instant(rs, "clock_stopped_at"), CaseRepository.instant(rs, "resolved_at"), now);
                    out.put(rs.getLong("id"), new CaseDeadline(rs.getLong("id"), due, light));
                });
        return out;
    }

    /** The case view's light ({@link CaseReads#light}) from the stored columns. */
    static String light(CaseState state, Instant dueAt, Instant yellowAt, Instant redAt, Instant stoppedAt,
                        Instant resolvedAt, Instant now) {
        if (dueAt == null) {
            return "NONE";
        }
        if (FINISHED.contains(state)) {
            return resolvedAt != null && resolvedAt.isAfter(dueAt) ? "LATE" : "DONE";
        }
        if (stoppedAt != null) {
            return "STOPPED";
        }
        if (redAt != null && !now.isBefore(redAt)) {
            return "RED";
        }
        return yellowAt != null && !now.isBefore(yellowAt) ? "YELLOW" : "GREEN";
    }
}
