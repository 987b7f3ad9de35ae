package cn.huying.analytics;

import cn.huying.cases.CaseState;

import java.time.Instant;

/**
 * A line of a ledger 台账 (overdue, problem, yellow/red lists): the case, where it is, its deadline,
 * and for overdue cases when staged progress 阶段性进展 is due and when it was last given, with the latest progress's
 * reason, next steps and the new date promised (null until progress is given).
 */
public record LedgerEntry(long id, String code, String title, String categoryName, CaseState state, String stateLabel,
                          Long departmentId, String departmentName, String regionName, Instant receivedAt,
                          Instant dueAt, Instant yellowAt, Instant redAt, Instant progressDueAt, Instant lastProgressAt,
                          cn.huying.cases.Light light, String progressReason, String progressNextSteps,
                          java.time.LocalDate promisedDate) {
}
