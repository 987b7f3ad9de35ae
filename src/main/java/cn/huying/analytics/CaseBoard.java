package cn.huying.analytics;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read models for the screens: the work queues 待办 of each role with their counts, case markers for the map, and the
 * figures behind the leader's overview. Read from the views cases publishes ({@code case_work_v}, docs/cases.md);
 * every read is limited to the user's data scope inside the SQL, by the rule {@link Cases#list} applies
 * ({@code WorkQueueSupport.scope}). Moved here from cases with issue 23: the read side is analytics'.
 */
public interface CaseBoard {

    /**
     * A work queue 待办. Which cases fall in it depends on state and tier; which of them the user
     * sees depends on their scope (a handler sees only their department's).
     */
    enum Queue {
        /** 待受理 — new or escalated cases waiting at the town command centre. */
        TO_REGISTER("待受理"),
        /** 待派遣 — registered, returned by a department, or reopened. */
        TO_DISPATCH("待派遣"),
        /** 待核查 — answered by the department, waiting for verification. */
        TO_VERIFY("待核查"),
        /** 待结案 — verified, waiting to be closed. */
        TO_CLOSE("待结案"),
        /** 待回访 — closed, the citizen not yet asked. */
        TO_REVISIT("待回访"),
        /** 黄灯 — one working day left, clock running. */
        DUE_SOON("即将到期"),
        /** 红灯 — past the deadline, clock running. */
        OVERDUE("已超期"),
        /** 挂账 — parked in the problem ledger. */
        PARKED("挂账"),
        /** 待签收 — dispatched to the handler's department. */
        TO_SIGN("待签收"),
        /** 办理中 — signed for, being handled. */
        TO_HANDLE("办理中"),
        /** 网格待办 — reported at the grid tier, for the grid worker to settle or send up. */
        GRID_OPEN("网格待办"),
        /** 村居待办 — at the village tier. */
        VILLAGE_OPEN("村居待办"),
        /** 村居待核查 — settled in the grid or village, to be verified there. */
        VILLAGE_VERIFY("村居待核查"),
        /** 我上报的 — the user's own reports. */
        MINE("我上报的"),
        /** 在办 — every open case in scope. */
        OPEN("在办事件");

        private final String label;

        Queue(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The queues that belong on this user's home page, in the order they are worked. */
    List<Queue> queuesOf(CurrentUser user);

    /** The actions the user may take now on each listed case (the same answer as the case page's), by case id. */
    Map<Long, Set<CaseAction>> allowedActions(List<CaseSummary> cases, CurrentUser user);

    /**
     * A badge counts up to this many cases; {@link #count} returns one more than this when there are
     * more (shown as "99+"), so a home page never counts a town's closed cases one by one.
     */
    int BADGE_CAP = cn.huying.shared.CountLabels.BADGE_CAP;

    /** How many cases each of the user's queues holds, each counted as {@link #count} does. */
    Map<Queue, Long> inbox(CurrentUser user);

    /** How many cases a queue holds, up to {@link #BADGE_CAP} + 1 (which means "more than {@value #BADGE_CAP}"). */
    long count(Queue queue, CurrentUser user);

    /** Extension requests 延期申请 waiting for a decision in the user's scope (0 for users who cannot approve). */
    long pendingApprovals(CurrentUser user);

    /**
     * One page of a queue: work queues oldest first, {@link Queue#MINE} and {@link Queue#OPEN} newest first.
     * The total is counted up to 1000 (or up to the page's end beyond that): above it the result's
     * {@code totalExact} is false.
     */
    PageResult<CaseSummary> queue(Queue queue, CurrentUser user, PageRequest page);

    /**
     * A case on the map.
     *
     * @param light deadline light (GREEN, YELLOW, RED, STOPPED, DONE) or NONE while no time limit applies
     */
    record Marker(long id, String code, String title, CaseState state, String stateLabel, double lat, double lng,
                  cn.huying.cases.Light light) {
    }

    /** Open cases with a location in the user's scope, newest first, at most {@code limit}. */
    List<Marker> markers(CurrentUser user, int limit);

    /** A count under a label, for a chart. */
    record Count(String key, String label, long count) {
    }

    /** Cases reported per day. */
    record DayCount(LocalDate day, long reported, long closed) {
    }

    /** The figures of the leader's overview for cases reported in {@code [from, to)}. */
    record Stats(Instant from, Instant to, long total, long open, long finished, List<Count> byState,
                 List<Count> byKind, List<Count> byTier, List<Count> byChannel, List<Count> resolvedAt,
                 List<DayCount> trend) {
    }

    Stats stats(CurrentUser user, LocalDate from, LocalDate to);
}
