package cn.huying.projects.internal;

import cn.huying.projects.Step;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a step must hold before it is complete (409 naming what is missing):
 * 阳光规划 a consultation window that has closed; 阳光选择 every interest decided and one shortlisted;
 * 阳光服务 a responsible leader and a logged contact; 阳光交流 an exchange; 阳光评鉴 the decision;
 * 阳光监管 a tender with post-qualification passed and every milestone met; 阳光验收 the acceptance record.
 */
@Component
class StepCompletionPolicy {

    private final WorkRepository work;
    private final SupervisionRepository supervision;

    StepCompletionPolicy(WorkRepository work, SupervisionRepository supervision) {
        this.work = work;
        this.supervision = supervision;
    }

    void check(ProjectRow p, Instant now) {
        switch (p.step()) {
            case PLANNING -> {
                if (p.consultationOpensAt() == null) {
                    throw DomainException.conflict("projects.complete.planning.no-consultation");
                }
                if (p.consultationOpen(now) || now.isBefore(p.consultationOpensAt())) {
                    throw DomainException.conflict("projects.complete.planning.window-open");
                }
            }
            case PUBLICATION -> {
                // publication itself is the result: nothing to hold first
            }
            case SELECTION -> {
                List<Interest> interests = work.interests(p.id());
                if (interests.stream().anyMatch(i -> i.shortlisted() == null)) {
                    throw DomainException.conflict("projects.complete.selection.undecided");
                }
                if (interests.stream().noneMatch(i -> Boolean.TRUE.equals(i.shortlisted()))) {
                    throw DomainException.conflict("projects.complete.selection.no-shortlist");
                }
            }
            case SERVICE -> {
                if (p.leaderUserId() == null) {
                    throw DomainException.conflict("projects.complete.service.no-leader");
                }
                if (work.contacts(p.id()).isEmpty()) {
                    throw DomainException.conflict("projects.complete.service.no-contact");
                }
            }
            case EXCHANGE -> {
                if (work.exchanges(p.id()).isEmpty()) {
                    throw DomainException.conflict("projects.complete.exchange.none");
                }
            }
            case EVALUATION -> {
                if (!p.decided()) {
                    throw DomainException.conflict("projects.complete.evaluation.undecided");
                }
            }
            case SUPERVISION -> {
                if (p.tenderNo() == null || !Boolean.TRUE.equals(p.postQualified())) {
                    throw DomainException.conflict("projects.complete.supervision.no-tender");
                }
                var milestones = supervision.milestones(p.id());
                if (milestones.isEmpty() || milestones.stream().anyMatch(m -> m.doneOn() == null)) {
                    throw DomainException.conflict("projects.complete.supervision.milestones");
                }
            }
            case ACCEPTANCE -> {
                if (supervision.acceptance(p.id()).isEmpty()) {
                    throw DomainException.conflict("projects.complete.acceptance.none");
                }
            }
        }
    }

    /** The step named in a request: must be the project's current step (step out of order: 409). */
    static void requireCurrent(ProjectRow p, Step requested) {
        if (requested != p.step()) {
            throw DomainException.conflict("projects.step.out-of-order", requested.label(), p.step().label());
        }
    }
}
