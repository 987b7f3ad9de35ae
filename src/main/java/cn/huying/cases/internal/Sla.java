package cn.huying.cases.internal;

import java.time.Instant;

/**
 * A case's time limits 限时办结: set at registration from the rule version the case is judged by (the aggregate
 * asks {@link CaseDeadlines} for them), moved by approved extensions, stopped while parked, transferred or claimed,
 * finished when resolved. Part of the case aggregate; the {@code with…} methods give changed copies.
 *
 * @param level     0 green, 1 yellow, 2 red — as the sweep last saw it
 * @param nextSlaAt when the sweep must look at the case again (null: nothing left to watch)
 */
public record Sla(Instant receivedAt, Instant externalDueAt, Integer ruleVersion, Long ruleId,
                  Instant firstContactDueAt, Instant firstContactedAt, Instant dueAt, boolean assumed,
                  int extensionDays, Instant yellowAt, Instant redAt, int level, Instant nextSlaAt,
                  Instant clockStoppedAt, Instant progressDueAt, Instant lastProgressAt) {

    /** Before registration: only the receipt time (and a sender's deadline) are known. */
    public static Sla received(Instant receivedAt, Instant externalDueAt) {
        return new Sla(receivedAt, externalDueAt, null, null, null, null, null, false, 0, null, null, 0, null, null,
                null, null);
    }

    /**
     * A new completion deadline with its lights, watched from the yellow instant ({@code watchFrom}: null to leave it
     * unwatched), level back to green and the clock running; the rest as it is.
     */
    public Sla withDeadline(Instant due, Instant yellow, Instant red, Instant watchFrom, Instant progressDue) {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, due,
                assumed, extensionDays, yellow, red, 0, watchFrom, null, progressDue, lastProgressAt);
    }

    /** The rule the case is judged by (its version and id) and whether a counted day was assumed. */
    public Sla withRule(Integer version, Long id, boolean assumedDays, int extension) {
        return new Sla(receivedAt, externalDueAt, version, id, firstContactDueAt, firstContactedAt, dueAt,
                assumedDays, extension, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt,
                lastProgressAt);
    }

    /** The clock stopped at {@code at}: nothing left to watch until it runs again. */
    public Sla withClockStopped(Instant at) {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                assumed, extensionDays, yellowAt, redAt, level, null, at, progressDueAt, lastProgressAt);
    }

    public Sla finished() {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                assumed, extensionDays, yellowAt, redAt, level, null, clockStoppedAt, progressDueAt, lastProgressAt);
    }

    public Sla withFirstContact(Instant at) {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, at, dueAt, assumed,
                extensionDays, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt, lastProgressAt);
    }

    public Sla withProgress(Instant at) {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                assumed, extensionDays, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt, at);
    }

    /** The last progress report forgotten (rework starts afresh). */
    public Sla withoutProgress() {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                assumed, extensionDays, yellowAt, redAt, level, nextSlaAt, clockStoppedAt, progressDueAt, null);
    }

    public Sla withLevel(int newLevel, Instant next) {
        return new Sla(receivedAt, externalDueAt, ruleVersion, ruleId, firstContactDueAt, firstContactedAt, dueAt,
                assumed, extensionDays, yellowAt, redAt, newLevel, next, clockStoppedAt, progressDueAt,
                lastProgressAt);
    }

    /** Whether the clock runs: registered, not stopped, not finished. */
    public boolean running() {
        return dueAt != null && clockStoppedAt == null && nextSlaAt != null;
    }
}
