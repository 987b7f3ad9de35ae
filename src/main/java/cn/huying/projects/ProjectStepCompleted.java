package cn.huying.projects;

import java.time.Instant;

/** A project completed a step; its result must be disclosed by {@code disclosureDueAt} (20 working days). */
public record ProjectStepCompleted(long projectId, String projectCode, Step step, Instant completedAt,
                                   Instant disclosureDueAt) {
}
