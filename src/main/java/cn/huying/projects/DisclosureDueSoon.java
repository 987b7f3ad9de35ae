package cn.huying.projects;

import java.time.Instant;

/** A step's disclosure is due soon (the officer is warned) or already late ({@code late}). */
public record DisclosureDueSoon(long projectId, String projectCode, Step step, Instant dueAt, boolean late) {
}
