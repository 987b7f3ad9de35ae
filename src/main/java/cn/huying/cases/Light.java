package cn.huying.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The traffic light 红黄绿灯 of a case's time limit. Its name is also the CSS class of the light on the pages and the
 * key suffix of its label ({@code case.page.light.*}).
 */
public enum Light {
    /** Within the limit. */
    GREEN,
    /** 黄灯预警: less than a working day left. */
    YELLOW,
    /** 红灯督办: past the limit. */
    RED,
    /** Off the clock (parked, transferred, claimed by a module). */
    STOPPED,
    /** Finished within the limit. */
    DONE,
    /** Finished after the limit. */
    LATE,
    /** No limit (not registered yet). */
    NONE;

    /** States in which a case's clock has finished: resolved or beyond (a transferred case is STOPPED instead). */
    private static final Set<CaseState> CLOCK_FINISHED = EnumSet.of(CaseState.RESOLVED, CaseState.VERIFIED,
            CaseState.CLOSED, CaseState.REVISITED, CaseState.MERGED, CaseState.REJECTED);

    /**
     * The light of a case at {@code now} from its stored limits — the one rule of the case page, the work queues, the
     * map, the deadline ledgers and the deadlines API: NONE without a limit; once the clock has finished, DONE or
     * LATE by the time it was resolved; STOPPED while the clock stands; then RED from {@code redAt}, YELLOW from
     * {@code yellowAt}, else GREEN.
     */
    public static Light of(CaseState state, Instant dueAt, Instant yellowAt, Instant redAt, Instant stoppedAt,
                           Instant resolvedAt, Instant now) {
        if (dueAt == null) {
            return NONE;
        }
        if (CLOCK_FINISHED.contains(state)) {
            return resolvedAt != null && resolvedAt.isAfter(dueAt) ? LATE : DONE;
        }
        if (stoppedAt != null) {
            return STOPPED;
        }
        if (redAt != null && !now.isBefore(redAt)) {
            return RED;
        }
        return yellowAt != null && !now.isBefore(yellowAt) ? YELLOW : GREEN;
    }
}
