package cn.huying.cases;

import java.time.Instant;

/**
 * 督办单 — a supervision order on a case: issued by the sweep when a deadline is missed (completion, first
 * contact, the date promised with staged progress), or opened by a leader (综合督办, 顶格推进, 重点攻坚) with a demand
 * and a date to answer by. The department answers it.
 *
 * @param kind        {@code DEADLINE}, {@code FIRST_CONTACT}, {@code PROGRESS} or {@code LEADER}
 * @param level       for a leader's order: {@link SupervisionLevel} name; null otherwise
 * @param answerDueAt by when the department must answer (a leader's order), or null
 */
public record SupervisionOrder(long id, long caseId, String caseCode, String caseTitle, Instant dueAt, Instant issuedAt,
                               Long departmentId, String departmentName, Long handlerId, String text, String kind,
                               String level, String demand, Instant answerDueAt, String openedByName, String answer,
                               Instant answeredAt, String answeredByName) {

    public boolean open() {
        return answeredAt == null;
    }

    /** The order's kind in Chinese. */
    public String kindLabel() {
        return switch (kind) {
            case "FIRST_CONTACT" -> "首次联系超时督办";
            case "PROGRESS" -> "承诺时限超时督办";
            case "LEADER" -> level == null ? "领导督办" : SupervisionLevel.valueOf(level).label();
            default -> "超期督办";
        };
    }
}
