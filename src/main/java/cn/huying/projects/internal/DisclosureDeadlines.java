package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.instant;
import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.calendar.AssumedDeadlines;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a year's holiday notice is imported, the disclosure limits still open that counted days of that year (then
 * assumed Monday to Friday) are computed again on the new calendar, in the import's transaction.
 */
@Component
class DisclosureDeadlines implements AssumedDeadlines {

    private final JdbcClient jdbc;
    private final DisclosurePolicy policy;

    DisclosureDeadlines(JdbcClient jdbc, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    private record Open(long id, Instant completedAt, Instant dueAt) {
    }

    @Override
    public int recompute(int year) {
        // a limit of 20 working days spans at most a few weeks: those completed from a month before the year on
        Instant from = LocalDate.of(year, 1, 1).minusMonths(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Open> open = jdbc.sql("""
                SELECT id, completed_at, disclosure_due_at FROM project_step
                WHERE disclosed_at IS NULL AND completed_at >= ? AND completed_at < ?""")
                .params(utc(from), utc(to))
                .query((rs, n) -> new Open(rs.getLong("id"), instant(rs, "completed_at"), instant(rs, "disclosure_due_at")))
                .list();
        int changed = 0;
        for (Open o : open) {
            Instant due = policy.dueAt(o.completedAt());
            if (!due.equals(o.dueAt())) {
                jdbc.sql("UPDATE project_step SET disclosure_due_at = ?, warn_at = ? WHERE id = ?")
                        .params(utc(due), utc(policy.warnAt(o.completedAt())), o.id()).update();
                changed++;
            }
        }
        return changed;
    }
}
