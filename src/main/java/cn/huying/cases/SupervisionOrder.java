package cn.huying.cases;

import java.time.Instant;

/** 督办单 — a supervision order, issued once when a case misses its deadline. */
public record SupervisionOrder(long id, long caseId, String caseCode, String caseTitle, Instant dueAt, Instant issuedAt,
                               Long departmentId, String departmentName, Long handlerId, String text) {
}
