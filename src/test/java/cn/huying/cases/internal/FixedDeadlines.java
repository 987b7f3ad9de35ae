package cn.huying.cases.internal;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The deadlines port with fixed answers, for the aggregate's unit tests: the limits at registration and for rework
 * as given; a resume keeps the case's limits unless {@code resumed} is given; an extension ends at
 * {@code extendedDue} (the light's times a day before) or, without one, keeps the limits; Shanghai's zone.
 */
record FixedDeadlines(Sla registration, Sla resumedTo, Sla rework, Instant extendedDue) implements CaseDeadlines {

    /** The same limits whatever is asked. */
    static FixedDeadlines always(Sla sla) {
        return new FixedDeadlines(sla, sla, sla, null);
    }

    @Override
    public Sla atRegistration(CaseFile c) {
        return registration;
    }

    @Override
    public Sla resumed(Sla sla, Instant now) {
        return resumedTo == null ? sla : resumedTo;
    }

    @Override
    public Sla forRework(Sla sla, Instant now) {
        return rework;
    }

    @Override
    public Sla extended(Sla sla, int workingDays) {
        if (extendedDue == null) {
            return sla;
        }
        Instant dayBefore = extendedDue.minus(java.time.Duration.ofDays(1));
        return sla.withDeadline(extendedDue, dayBefore, extendedDue, dayBefore, null);
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }
}
