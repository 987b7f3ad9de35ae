package cn.huying.cases.internal;

import java.time.Instant;

/**
 * The deadlines port: what the case aggregate asks for its time limits inside a verb, instead of being handed
 * them. Implemented by the time-limit code ({@link TimeLimitDeadlines}, from the active rule version and the
 * working-day calendar); a test gives fixed answers.
 */
interface CaseDeadlines {

    /** The limits a case is judged by from its registration: the active rule version, counted from its receipt. */
    Sla atRegistration(CaseFile c);

    /** After a stop (parked, claimed): the deadline moved by the working days the clock stood still. */
    Sla resumed(Sla sla, Instant now);

    /** Rework 重办: the completion limit of the rule the case was judged by, counted from now. */
    Sla forRework(Sla sla, Instant now);

    /** An approved extension 延期: the deadline moved by {@code workingDays} working days, the light back to green. */
    Sla extended(Sla sla, int workingDays);

    /** The zone the limits are counted and shown in (the working calendar's). */
    java.time.ZoneId zone();
}
