package cn.huying.projects.internal;

import static cn.huying.projects.ProjectStatus.ACTIVE;
import static cn.huying.projects.ProjectStatus.COMPLETED;
import static cn.huying.projects.ProjectStatus.SUSPENDED;
import static cn.huying.projects.ProjectStatus.TERMINATED;

import cn.huying.projects.ProjectAction;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.shared.DomainException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one transition table of a project: for each action, the statuses and steps it starts from and what it
 * leads to; and for each piece of work inside a step ({@link Activity}), the steps it belongs to. Nothing changes
 * a project's step or status except {@link ProjectService#act}, and every command asks this table first.
 */
public final class ProjectTransitions {

    /**
     * One row.
     *
     * @param from     statuses the project must be in
     * @param steps    steps it must be at
     * @param to       the status afterwards
     * @param nextStep whether the step moves on to the next one
     */
    public record Transition(ProjectAction action, Set<ProjectStatus> from, Set<Step> steps, ProjectStatus to,
                             boolean nextStep) {

        boolean startsFrom(ProjectStatus status, Step step) {
            return from.contains(status) && steps.contains(step);
        }
    }

    private static final Set<Step> ANY_STEP = EnumSet.allOf(Step.class);
    private static final Set<Step> BEFORE_LAST = EnumSet.range(Step.PLANNING, Step.SUPERVISION);

    public static final List<Transition> ROWS = List.of(
            new Transition(ProjectAction.COMPLETE_STEP, EnumSet.of(ACTIVE), BEFORE_LAST, ACTIVE, true),
            new Transition(ProjectAction.ACCEPT, EnumSet.of(ACTIVE), EnumSet.of(Step.ACCEPTANCE), COMPLETED, false),
            new Transition(ProjectAction.SUSPEND, EnumSet.of(ACTIVE), ANY_STEP, SUSPENDED, false),
            new Transition(ProjectAction.RESUME, EnumSet.of(SUSPENDED), ANY_STEP, ACTIVE, false),
            new Transition(ProjectAction.TERMINATE, EnumSet.of(ACTIVE, SUSPENDED), ANY_STEP, TERMINATED, false));

    /** Work done inside a step, and the steps where it belongs (the project must be active). */
    public enum Activity {
        OPEN_CONSULTATION(EnumSet.of(Step.PLANNING)),
        COMMENT(EnumSet.of(Step.PLANNING)),
        REGISTER_INTEREST(EnumSet.of(Step.SELECTION)),
        SHORTLIST(EnumSet.of(Step.SELECTION)),
        ASSIGN_LEADER(EnumSet.range(Step.SERVICE, Step.ACCEPTANCE)),
        LOG_CONTACT(EnumSet.range(Step.SERVICE, Step.ACCEPTANCE)),
        LOG_EXCHANGE(EnumSet.of(Step.EXCHANGE)),
        INVITE_EXPERT(EnumSet.of(Step.EVALUATION)),
        DECLARE(EnumSet.of(Step.EVALUATION)),
        SCORE(EnumSet.of(Step.EVALUATION)),
        DECIDE(EnumSet.of(Step.EVALUATION)),
        RECORD_TENDER(EnumSet.of(Step.SUPERVISION)),
        ADD_MILESTONE(EnumSet.of(Step.SUPERVISION)),
        MILESTONE_DONE(EnumSet.of(Step.SUPERVISION, Step.ACCEPTANCE)),
        RECORD_ACCEPTANCE(EnumSet.of(Step.ACCEPTANCE));

        private final Set<Step> steps;

        Activity(Set<Step> steps) {
            this.steps = steps;
        }

        public Set<Step> steps() {
            return steps;
        }
    }

    private ProjectTransitions() {
    }

    public static Optional<Transition> find(ProjectAction action, ProjectStatus status, Step step) {
        return ROWS.stream().filter(t -> t.action() == action && t.startsFrom(status, step)).findFirst();
    }

    /** The row for the action, or a 409 naming the project's current step and status. */
    public static Transition require(ProjectAction action, ProjectStatus status, Step step) {
        return find(action, status, step).orElseThrow(() -> DomainException.conflict("projects.action.not-allowed",
                action.label(), step.label(), status.label()));
    }

    /** Actions possible now, in table order. */
    public static Set<ProjectAction> possible(ProjectStatus status, Step step) {
        Set<ProjectAction> out = new LinkedHashSet<>();
        ROWS.stream().filter(t -> t.startsFrom(status, step)).forEach(t -> out.add(t.action()));
        return out;
    }

    public static boolean allows(Activity activity, ProjectStatus status, Step step) {
        return status == ACTIVE && activity.steps().contains(step);
    }

    /** Refuses work that does not belong to the project's current step or status (409). */
    public static void requireActivity(Activity activity, ProjectStatus status, Step step) {
        if (status == TERMINATED) {
            throw DomainException.conflict("projects.terminated");
        }
        if (status != ACTIVE) {
            throw DomainException.conflict("projects.not-active", status.label());
        }
        if (!activity.steps().contains(step)) {
            throw DomainException.conflict("projects.activity.wrong-step", activity.steps().stream().map(Step::label)
                    .reduce((a, b) -> a + "、" + b).orElse(""), step.label());
        }
    }
}
