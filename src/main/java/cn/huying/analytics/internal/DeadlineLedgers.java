package cn.huying.analytics.internal;

import cn.huying.analytics.DeadlineLedgerFilter;
import cn.huying.analytics.LedgerEntry;
import cn.huying.cases.CasePermissions;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseViewScope;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline ledgers 台账 — 超期 (overdue), 问题 (parked 挂账), 黄灯 (yellow), 红灯 (red) — in the caller's data scope,
 * with the filters of the screen, one page at a time or every row for the Excel export. Read from the published view
 * {@code case_work_v c} (the case's deadline columns) under cases' scope rule ({@link WorkQueueSupport#scope}); the
 * latest staged progress 阶段性进展 of a page's cases (reason, next steps, date promised) from {@code case_facts_v},
 * by id, for that page only. Moved from cases' {@code TimeLimitReads} and {@code LedgerQueries} (issue 23).
 */
@Component
public class DeadlineLedgers {

    /** Which ledger. */
    enum Ledger {
        /** 超期台账: past the deadline, clock running. */
        OVERDUE,
        /** 问题台账: parked 挂账. */
        PROBLEMS,
        /** 黄灯: one working day left. */
        YELLOW,
        /** 红灯: overdue since the first working day after the deadline. */
        RED
    }

    /** The ledgers, by the names the pages and the API use. */
    public static final List<String> LEDGERS = List.of("overdue", "problems", "yellow", "red");

    private static final int EXPORT_BATCH = PageRequest.MAX_SIZE;
    private static final String FROM = " FROM case_work_v c";
    private static final String RUNNING = " AND c.clock_stopped_at IS NULL AND c.state IN ('REGISTERED', 'DISPATCHED', "
            + "'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED')";
    private static final String ENTRY_COLUMNS = "SELECT c.id, c.code, c.title, c.category_name, c.state,"
            + " c.department_id, c.department_name, c.region_name, c.received_at, c.due_at, c.yellow_at, c.red_at,"
            + " c.progress_due_at, c.last_progress_at, c.clock_stopped_at";

    private final JdbcClient jdbc;
    private final WorkQueueSupport support;
    private final Clock clock;

    DeadlineLedgers(JdbcClient jdbc, WorkQueueSupport support, Clock clock) {
        this.jdbc = jdbc;
        this.support = support;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The ledger by its page name (overdue, problems, yellow, red); unknown names are not found. */
    static Ledger ledgerOf(String which) {
        try {
            return Ledger.valueOf(which.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound("ledger.unknown", which);
        }
    }

    /** One page of a ledger with the screen's filters, as of {@code now}. */
    public PageResult<LedgerEntry> ledger(String which, DeadlineLedgerFilter filter, CurrentUser user, PageRequest page,
                                          Instant now) {
        Ledger ledger = ledgerOf(which);
        CaseViewScope scope = scopeForLedgers(user);
        List<Object> params = new ArrayList<>();
        String where = where(ledger, filter, scope, now, params);
        long cap = WorkRows.capFor(page);
        long counted = WorkRows.count(jdbc, FROM + where, params, cap);
        params.add(page.size());
        params.add(page.offset());
        List<LedgerEntry> items = withProgress(jdbc.sql(ENTRY_COLUMNS + FROM + where
                        + " ORDER BY c.due_at, c.id LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> entry(rs, now)).list());
        return PageResult.capped(items, counted, cap, page.page(), page.size());
    }

    /**
     * Every row of a ledger with the screen's filters, as of {@code now}, handed over one page
     * ({@value #EXPORT_BATCH} rows) at a time so an export never holds the whole ledger in memory.
     *
     * @return how many rows were handed over
     */
    public long eachLedgerPage(String which, DeadlineLedgerFilter filter, CurrentUser user, Instant now,
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

    private CaseViewScope scopeForLedgers(CurrentUser user) {
        if (!user.can(CasePermissions.LEDGER_VIEW) && !user.can(CasePermissions.SUPERVISION_VIEW)) {
            throw DomainException.forbidden("auth.forbidden");
        }
        return support.scope(user);
    }

    /** The ledger's condition over {@code case_work_v c}, its values appended to {@code params}. */
    static String ledger(Ledger ledger, Instant now, List<Object> params) {
        return switch (ledger) {
            case OVERDUE -> {
                params.add(WorkRows.utc(now));
                yield " AND c.due_at < ?" + RUNNING;
            }
            case PROBLEMS -> " AND c.state = 'PARKED'";
            case YELLOW -> {
                params.add(WorkRows.utc(now));
                params.add(WorkRows.utc(now));
                yield " AND c.yellow_at <= ? AND c.red_at > ?" + RUNNING;
            }
            case RED -> {
                params.add(WorkRows.utc(now));
                yield " AND c.red_at <= ?" + RUNNING;
            }
        };
    }

    private static String where(Ledger ledger, DeadlineLedgerFilter filter, CaseViewScope scope, Instant now,
                                List<Object> params) {
        StringBuilder where = new StringBuilder(scope.where("c", params)).append(ledger(ledger, now, params));
        DeadlineLedgerFilter f = filter == null ? DeadlineLedgerFilter.none() : filter;
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

    private record Progress(String reason, String nextSteps, LocalDate promisedDate) {
    }

    /** The page's entries with their latest staged progress, read for these cases only. */
    private List<LedgerEntry> withProgress(List<LedgerEntry> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, Progress> progress = new HashMap<>();
        jdbc.sql("SELECT f.id, f.progress_reason, f.progress_next_steps, f.progress_promised_date FROM case_facts_v f"
                        + " WHERE f.id IN (" + String.join(", ", Collections.nCopies(page.size(), "?")) + ")")
                .params(page.stream().map(e -> (Object) e.id()).toList())
                .query(rs -> {
                    progress.put(rs.getLong(1), new Progress(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class)));
                });
        List<LedgerEntry> out = new ArrayList<>(page.size());
        for (LedgerEntry e : page) {
            Progress p = progress.getOrDefault(e.id(), new Progress(null, null, null));
            out.add(new LedgerEntry(e.id(), e.code(), e.title(), e.categoryName(), e.state(), e.stateLabel(),
                    e.departmentId(), e.departmentName(), e.regionName(), e.receivedAt(), e.dueAt(), e.yellowAt(),
                    e.redAt(), e.progressDueAt(), e.lastProgressAt(), e.light(), p.reason(), p.nextSteps(),
                    p.promisedDate()));
        }
        return out;
    }

    static LedgerEntry entry(ResultSet rs, Instant now) throws SQLException {
        CaseState state = CaseState.valueOf(rs.getString("state"));
        Instant due = WorkRows.instant(rs, "due_at");
        Instant yellow = WorkRows.instant(rs, "yellow_at");
        Instant red = WorkRows.instant(rs, "red_at");
        cn.huying.cases.Light light = cn.huying.cases.Light.of(state, due, yellow, red,
                WorkRows.instant(rs, "clock_stopped_at"), null, now);
        return new LedgerEntry(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getString("category_name"), state, state.label(), rs.getObject("department_id", Long.class),
                rs.getString("department_name"), rs.getString("region_name"), WorkRows.instant(rs, "received_at"),
                due, yellow, red, WorkRows.instant(rs, "progress_due_at"), WorkRows.instant(rs, "last_progress_at"),
                light, null, null, null);
    }
}
