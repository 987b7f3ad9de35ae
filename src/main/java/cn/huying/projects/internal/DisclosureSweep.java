package cn.huying.projects.internal;

import cn.huying.projects.DisclosureDueSoon;
import cn.huying.projects.MilestoneMissed;
import cn.huying.projects.Step;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the stored deadlines: a step's disclosure whose warning instant has come (the officer is warned before
 * the 20-working-day limit), a disclosure past its limit (listed as late), and a milestone past its due day unmet
 * (reported as missed). Each is claimed by a conditional update of its own row (… WHERE warned_at IS NULL), so with
 * several nodes on one database exactly one node writes the warning; the warning key is unique besides.
 */
@Component
public class DisclosureSweep {

    private static final Logger log = LoggerFactory.getLogger(DisclosureSweep.class);
    private static final int BATCH = 200;

    /** What one pass did. */
    public record Result(int warned, int late, int milestonesMissed) {
    }

    private final SupervisionRepository repo;
    private final ProjectRepository projects;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisclosureSweep(SupervisionRepository repo, ProjectRepository projects, TransactionTemplate tx,
                    ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.projects = projects;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huying.projects.sweep-interval:5m}",
            initialDelayString = "${huying.projects.sweep-initial-delay:${huying.sla.sweep-initial-delay:30s}}")
    void scheduled() {
        Result r = sweep();
        if (r.warned() + r.late() + r.milestonesMissed() > 0) {
            log.info("阳光推介巡检：公开临期提醒 {} 条，公开逾期 {} 条，履约节点逾期 {} 个", r.warned(), r.late(), r.milestonesMissed());
        }
    }

    public Result sweep() {
        Instant now = clock.instant();
        int warned = 0;
        int late = 0;
        int missed = 0;
        for (long[] s : repo.stepsToWarn(now, BATCH)) {
            warned += once(() -> warnDueSoon(s[0], s[1], now));
        }
        for (long[] s : repo.stepsLate(now, BATCH)) {
            late += once(() -> reportLate(s[0], s[1], now));
        }
        for (var m : repo.overdueUnreported(now, BATCH)) {
            missed += once(() -> reportMissed(m, now));
        }
        return new Result(warned, late, missed);
    }

    private int once(java.util.function.BooleanSupplier work) {
        try {
            Boolean done = tx.execute(s -> work.getAsBoolean());
            return Boolean.TRUE.equals(done) ? 1 : 0;
        } catch (SupervisionRepository.AlreadyWarned e) {
            return 0; // another node wrote it first; this attempt rolled back
        } catch (RuntimeException e) {
            log.warn("阳光推介巡检跳过一条：{}", e.toString());
            return 0;
        }
    }

    private boolean warnDueSoon(long stepId, long projectId, Instant now) {
        if (!repo.claimWarning(stepId, now)) {
            return false;
        }
        ProjectRow p = projects.find(projectId).orElseThrow();
        Step step = Step.valueOf(repo.stepName(stepId));
        StepRecord r = projects.stepRecord(projectId, step).orElseThrow();
        repo.warn(projectId, "DISCLOSURE_DUE_SOON", "due:" + stepId, p.code() + "“" + p.name() + "”" + step.label()
                + "结果尚未公开，公开时限 " + DateTexts.dateTime(r.disclosureDueAt(), clock.getZone()), now);
        events.publishEvent(new DisclosureDueSoon(projectId, p.code(), step, r.disclosureDueAt(), false));
        return true;
    }

    private boolean reportLate(long stepId, long projectId, Instant now) {
        if (!repo.claimLate(stepId, now)) {
            return false;
        }
        ProjectRow p = projects.find(projectId).orElseThrow();
        Step step = Step.valueOf(repo.stepName(stepId));
        StepRecord r = projects.stepRecord(projectId, step).orElseThrow();
        repo.warn(projectId, "DISCLOSURE_LATE", "late:" + stepId, p.code() + "“" + p.name() + "”" + step.label()
                + "结果逾期未公开（时限 " + DateTexts.dateTime(r.disclosureDueAt(), clock.getZone()) + "）", now);
        events.publishEvent(new DisclosureDueSoon(projectId, p.code(), step, r.disclosureDueAt(), true));
        return true;
    }

    private boolean reportMissed(cn.huying.projects.internal.Records.Milestone m, Instant now) {
        if (!repo.claimMissed(m.id(), now)) {
            return false;
        }
        ProjectRow p = projects.find(m.projectId()).orElseThrow();
        repo.warn(m.projectId(), "MILESTONE_MISSED", "milestone:" + m.id(), p.code() + "“" + p.name() + "”履约节点“"
                + m.name() + "”已逾期未完成（应于 " + m.dueOn() + " 前完成）", now);
        projects.appendHistory(m.projectId(), now, null, "MILESTONE_MISSED", p.step(), p.status(),
                "履约节点逾期未完成：" + m.name() + "（应于 " + m.dueOn() + "）");
        events.publishEvent(new MilestoneMissed(m.projectId(), p.code(), m.id(), m.name(), m.dueOn()));
        return true;
    }
}
