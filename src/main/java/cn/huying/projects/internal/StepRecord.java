package cn.huying.projects.internal;

import cn.huying.projects.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One step's record: when it started and ended, its result and its disclosure (due 20 working days after). */
public record StepRecord(long projectId, Step step, Instant startedAt, Instant completedAt, String completedBy,
                         String result, Instant disclosureDueAt, Instant warnedAt, Instant disclosedAt,
                         String disclosureText) {

    static StepRecord map(ResultSet rs) throws SQLException {
        return new StepRecord(rs.getLong("project_id"), Step.valueOf(rs.getString("step")),
                ProjectRepository.instant(rs, "started_at"), ProjectRepository.instant(rs, "completed_at"),
                rs.getString("completed_by"), rs.getString("result"), ProjectRepository.instant(rs, "disclosure_due_at"),
                ProjectRepository.instant(rs, "warned_at"), ProjectRepository.instant(rs, "disclosed_at"),
                rs.getString("disclosure_text"));
    }

    public boolean completed() {
        return completedAt != null;
    }

    public boolean disclosed() {
        return disclosedAt != null;
    }

    /** Disclosed by the deadline. */
    public boolean onTime() {
        return disclosedAt != null && disclosureDueAt != null && !disclosedAt.isAfter(disclosureDueAt);
    }

    /** Not disclosed by the deadline (disclosed late, or still waiting after it) at {@code now}. */
    public boolean late(Instant now) {
        if (disclosureDueAt == null) {
            return false;
        }
        return disclosedAt != null ? disclosedAt.isAfter(disclosureDueAt) : now.isAfter(disclosureDueAt);
    }
}
