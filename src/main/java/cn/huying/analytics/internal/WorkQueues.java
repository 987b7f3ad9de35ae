package cn.huying.analytics.internal;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Light;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.Channel;
import cn.huying.cases.CaseViewScope;
import cn.huying.cases.Tier;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The screens' read models over the published view {@code case_work_v c} (docs/cases.md): queues, counts, map
 * markers, the overview's figures. The data scope goes into the SQL by cases' own rule ({@link
 * WorkQueueSupport#scope}: bound path pattern, department, reporter, creator); what is a rule of the case rather than
 * a column (the buttons a user may press, the extensions waiting) is asked of {@link WorkQueueSupport}. Moved from
 * cases' {@code CaseBoardQueries} (issue 23): the same SQL with the view in place of the case table joined to its
 * region, which PostgreSQL plans the same (it pulls the view up into the query).
 */
@Service
class WorkQueues implements CaseBoard {

    private static final String FROM = " FROM case_work_v c";

    private static final String FINISHED = "('REJECTED', 'CLOSED', 'REVISITED', 'TRANSFERRED', 'MERGED')";
    /** States in which the completion clock runs (not yet answered, not parked or transferred). */
    private static final String RUNNING = "('REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'REOPENED',"
            + " 'ESCALATED')";

    /**
     * The town command centre's queues of several states, read in their order (last change first) one
     * state at a time: each state's cases come from an index in that order, and only the page's worth
     * of each is merged, where one {@code state IN (…)} read would fetch and sort every case of the city
     * in those states.
     */
    private static final Map<Queue, List<String>> TOWN_QUEUE_STATES = Map.of(
            Queue.TO_REGISTER, List.of("REPORTED", "ESCALATED"),
            Queue.TO_DISPATCH, List.of("REGISTERED", "RETURNED", "REOPENED"),
            Queue.TO_CLOSE, List.of("VERIFIED", "TRANSFERRED"));

    private final JdbcClient jdbc;
    private final WorkQueueSupport support;
    private final Clock clock;
    private final CaseStatsRollup rollup;

    WorkQueues(JdbcClient jdbc, WorkQueueSupport support, Clock clock, CaseStatsRollup rollup) {
        this.jdbc = jdbc;
        this.support = support;
        this.rollup = rollup;
        this.clock = clock;
    }

    @Override
    public List<Queue> queuesOf(CurrentUser user) {
        List<Queue> out = new ArrayList<>();
        if (user.hasRole(Roles.DISPATCHER)) {
            out.addAll(List.of(Queue.TO_REGISTER, Queue.TO_DISPATCH, Queue.TO_VERIFY, Queue.TO_CLOSE, Queue.TO_REVISIT,
                    Queue.DUE_SOON, Queue.OVERDUE, Queue.PARKED));
        }
        if (user.hasRole(Roles.HANDLER)) {
            out.addAll(List.of(Queue.TO_SIGN, Queue.TO_HANDLE, Queue.DUE_SOON, Queue.OVERDUE));
        }
        if (user.hasRole(Roles.VILLAGE_CADRE)) {
            out.addAll(List.of(Queue.VILLAGE_OPEN, Queue.VILLAGE_VERIFY));
        }
        if (user.hasRole(Roles.GRID_WORKER)) {
            out.add(Queue.GRID_OPEN);
        }
        if (user.hasRole(Roles.LEADER)) {
            out.addAll(List.of(Queue.OPEN, Queue.DUE_SOON, Queue.OVERDUE, Queue.TO_REGISTER, Queue.TO_DISPATCH,
                    Queue.PARKED));
        }
        if (user.hasRole(Roles.MEDIATOR) || user.hasRole(Roles.ADMIN)) {
            out.add(Queue.OPEN);
        }
        if (user.can("case:report")) {
            out.add(Queue.MINE);
        }
        return out.stream().distinct().toList();
    }

    @Override
    public Map<Queue, Long> inbox(CurrentUser user) {
        Map<Queue, Long> out = new LinkedHashMap<>();
        for (Queue q : queuesOf(user)) {
            out.put(q, count(q, user));
        }
        return out;
    }

    @Override
    public long count(Queue queue, CurrentUser user) {
        List<Object> params = new ArrayList<>();
        String where = where(queue, user, params);
        return WorkRows.count(jdbc, FROM + where, params, BADGE_CAP);
    }

    @Override
    public long pendingApprovals(CurrentUser user) {
        return support.pendingExtensions(user);
    }

    @Override
    public PageResult<CaseSummary> queue(Queue queue, CurrentUser user, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(queue, user, params);
        String order = queue == Queue.MINE || queue == Queue.OPEN
                ? " ORDER BY c.created_at DESC, c.id DESC" : " ORDER BY c.updated_at, c.id";
        List<Object> pageParams = new ArrayList<>();
        String from;
        String pageWhere = where;
        if (TOWN_QUEUE_STATES.containsKey(queue)) {
            // one ordered read per state, each at most a page's end long, merged below
            List<Object> scopeParams = new ArrayList<>();
            String scope = scope(user, scopeParams);
            StringBuilder union = new StringBuilder();
            for (String state : TOWN_QUEUE_STATES.get(queue)) {
                union.append(union.isEmpty() ? "" : " UNION ALL ")
                        .append("(SELECT c.id").append(FROM).append(scope)
                        .append(" AND c.state = ? AND c.tier = 'TOWN' ORDER BY c.updated_at, c.id LIMIT ?)");
                pageParams.addAll(scopeParams);
                pageParams.add(state);
                pageParams.add(page.offset() + page.size());
            }
            from = " FROM (" + union + ") q JOIN case_work_v c ON c.id = q.id";
            pageWhere = "";
        } else {
            from = FROM;
            pageParams.addAll(params);
        }
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<CaseSummary> items = jdbc.sql("SELECT " + WorkRows.SUMMARY_COLUMNS + from + pageWhere + order
                        + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(WorkRows::summary)
                .list();
        long cap = WorkRows.capFor(page);
        long counted = WorkRows.count(jdbc, FROM + where, params, cap);
        return PageResult.capped(items, counted, cap, page.page(), page.size());
    }

    @Override
    public List<Marker> markers(CurrentUser user, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(Queue.OPEN, user, params) + " AND c.lat IS NOT NULL AND c.lng IS NOT NULL";
        params.add(Math.max(1, Math.min(limit, 2000)));
        Instant now = clock.instant();
        return jdbc.sql("SELECT c.id, c.code, c.title, c.state, c.lat, c.lng, c.due_at, c.yellow_at, c.red_at,"
                        + " c.clock_stopped_at" + FROM + where + " ORDER BY c.created_at DESC, c.id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> {
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    return new Marker(rs.getLong("id"), rs.getString("code"), rs.getString("title"), state,
                            state.label(), rs.getDouble("lat"), rs.getDouble("lng"),
                            // a finished clock shows DONE on the map, late or not (resolved_at not read)
                            Light.of(state, WorkRows.instant(rs, "due_at"), WorkRows.instant(rs, "yellow_at"),
                                    WorkRows.instant(rs, "red_at"), WorkRows.instant(rs, "clock_stopped_at"), null,
                                    now));
                })
                .list();
    }

    @Override
    public Stats stats(CurrentUser user, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw DomainException.invalid("board.period.invalid");
        }
        if (!user.can("case:view")) {
            throw DomainException.forbidden("case.view.forbidden");
        }
        CaseViewScope scope = support.scope(user);
        CaseStatsRollup.Figures f = new CaseStatsRollup.Figures();
        // the days before the rollup's last run from the rollup (the whole tree, a county or a town);
        // the rest, and every scope the rollup does not keep, counted live
        LocalDate liveFrom = from;
        if (scope.byRegionAlone() && CaseStatsRollup.kept(scope.regions().pathPrefix())) {
            Instant refreshed = rollup.status().refreshedAt();
            if (refreshed != null) {
                LocalDate cut = LocalDate.ofInstant(refreshed, clock.getZone());
                LocalDate rollupTo = to.isBefore(cut) ? to : cut;
                if (from.isBefore(rollupTo)) {
                    rollup.read(f, scope.regions().pathPrefix(), from, rollupTo);
                    liveFrom = rollupTo;
                }
            }
        }
        if (liveFrom.isBefore(to)) {
            live(f, scope, liveFrom, to);
        }
        List<Count> states = counts(f.of(CaseStatsRollup.STATE), CaseState.class, CaseState::label);
        long total = states.stream().mapToLong(Count::count).sum();
        long finished = states.stream().filter(c -> !CaseState.valueOf(c.key()).open()).mapToLong(Count::count).sum();
        List<Count> kinds = counts(f.of(CaseStatsRollup.KIND), CaseKind.class, CaseKind::label);
        List<Count> tiers = counts(f.of(CaseStatsRollup.TIER), Tier.class, Tier::label);
        List<Count> channels = counts(f.of(CaseStatsRollup.CHANNEL), Channel.class, Channel::label);
        List<Count> resolvedAt = counts(f.of(CaseStatsRollup.RESOLVED), Tier.class, Tier::label);
        List<DayCount> trend = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            long[] n = f.days.getOrDefault(d, new long[2]);
            trend.add(new DayCount(d, n[0], n[1]));
        }
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.atStartOfDay(clock.getZone()).toInstant();
        return new Stats(start, end, total, total - finished, finished, states, kinds, tiers, channels, resolvedAt, trend);
    }

    /** The figures of cases in the scope reported (and closed) on days in [from, to), counted from the cases. */
    void live(CaseStatsRollup.Figures f, CaseViewScope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = scope.where("c", params) + " AND c.created_at >= ? AND c.created_at < ?";
        params.add(WorkRows.start(from, clock.getZone()));
        params.add(WorkRows.start(to, clock.getZone()));
        String day = WorkRows.day("c.created_at", clock.getZone());
        jdbc.sql("SELECT " + day + " AS d, c.state, c.kind, c.tier, c.channel, c.resolved_tier, COUNT(*) AS n"
                        + FROM + where + " GROUP BY " + day + ", c.state, c.kind, c.tier, c.channel, c.resolved_tier")
                .params(params)
                .query(rs -> {
                    f.addReported(LocalDate.ofEpochDay(rs.getLong("d")), rs.getString("state"), rs.getString("kind"),
                            rs.getString("tier"), rs.getString("channel"), rs.getString("resolved_tier"),
                            rs.getLong("n"));
                });
        List<Object> closedParams = new ArrayList<>();
        String closedWhere = scope.where("c", closedParams) + " AND c.closed_at >= ? AND c.closed_at < ?";
        closedParams.add(WorkRows.start(from, clock.getZone()));
        closedParams.add(WorkRows.start(to, clock.getZone()));
        String closedDay = WorkRows.day("c.closed_at", clock.getZone());
        jdbc.sql("SELECT " + closedDay + " AS d, COUNT(*) AS n" + FROM + closedWhere + " GROUP BY " + closedDay)
                .params(closedParams)
                .query(rs -> {
                    f.addClosed(LocalDate.ofEpochDay(rs.getLong("d")), rs.getLong("n"));
                });
    }

    private static <E extends Enum<E>> List<Count> counts(Map<String, Long> grouped, Class<E> type,
                                                          Function<E, String> label) {
        Map<E, Long> ordered = new EnumMap<>(type);
        grouped.forEach((k, n) -> ordered.put(Enum.valueOf(type, k), n));
        List<Count> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(new Count(e.name(), label.apply(e), ordered.getOrDefault(e, 0L)));
        }
        return out;
    }

    /** The scope part of a WHERE clause, built in the one place every case query builds it. */
    private String scope(CurrentUser user, List<Object> params) {
        if (!user.can("case:view")) {
            throw DomainException.forbidden("case.view.forbidden");
        }
        return support.scope(user).where("c", params);
    }

    private String where(Queue queue, CurrentUser user, List<Object> params) {
        StringBuilder where = new StringBuilder(scope(user, params));
        switch (queue) {
            case TO_REGISTER, TO_DISPATCH, TO_CLOSE -> where.append(" AND c.state IN ")
                    .append(TOWN_QUEUE_STATES.get(queue).stream().map(st -> "'" + st + "'")
                            .collect(java.util.stream.Collectors.joining(", ", "(", ")")))
                    .append(" AND c.tier = 'TOWN'");
            case TO_VERIFY -> where.append(" AND c.state = 'RESOLVED' AND c.tier = 'TOWN'");
            case TO_REVISIT -> where.append(" AND c.state = 'CLOSED'");
            case PARKED -> where.append(" AND c.state = 'PARKED'");
            case DUE_SOON -> {
                where.append(" AND c.state IN ").append(RUNNING).append(" AND c.clock_stopped_at IS NULL")
                        .append(" AND c.yellow_at <= ? AND c.red_at > ?");
                params.add(WorkRows.utc(clock.instant()));
                params.add(WorkRows.utc(clock.instant()));
            }
            case OVERDUE -> {
                where.append(" AND c.state IN ").append(RUNNING).append(" AND c.clock_stopped_at IS NULL")
                        .append(" AND c.red_at <= ?");
                params.add(WorkRows.utc(clock.instant()));
            }
            case TO_SIGN -> where.append(" AND c.state = 'DISPATCHED'").append(ownDepartment(user, params));
            case TO_HANDLE -> where.append(" AND c.state = 'ACCEPTED'").append(ownDepartment(user, params));
            case GRID_OPEN -> where.append(" AND c.state IN ('REPORTED', 'REOPENED') AND c.tier = 'GRID'");
            case VILLAGE_OPEN -> where.append(" AND c.state IN ('REPORTED', 'ESCALATED', 'REOPENED') AND c.tier = 'VILLAGE'");
            case VILLAGE_VERIFY -> where.append(" AND c.state IN ('RESOLVED', 'VERIFIED') AND c.tier IN ('GRID', 'VILLAGE')");
            case MINE -> {
                where.append(" AND c.created_by = ?");
                params.add(user.id());
            }
            case OPEN -> where.append(" AND c.state NOT IN ").append(FINISHED);
        }
        return where.toString();
    }

    private static String ownDepartment(CurrentUser user, List<Object> params) {
        if (user.hasRole(Roles.HANDLER) && user.departmentId() != null) {
            params.add(user.departmentId());
            return " AND c.department_id = ?";
        }
        return "";
    }

    @Override
    public Map<Long, Set<CaseAction>> allowedActions(List<CaseSummary> cases, CurrentUser user) {
        return support.allowedActions(cases, user);
    }
}
