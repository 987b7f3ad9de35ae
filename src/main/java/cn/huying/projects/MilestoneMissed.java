package cn.huying.projects;

import java.time.LocalDate;

/** A contract performance milestone 履约节点 passed its due date unmet; reported once. */
public record MilestoneMissed(long projectId, String projectCode, long milestoneId, String milestone, LocalDate dueOn) {
}
