package cn.huying.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.projects.ProjectAction;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.projects.internal.ProjectTransitions.Activity;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The transition table of a project and the reading of amounts, alone. */
class ProjectTransitionsTest {

    @Test
    void anActiveProjectCompletesItsStepsInOrderAndIsAcceptedAtTheLast() {
        for (Step s : Step.values()) {
            boolean last = s == Step.ACCEPTANCE;
            assertThat(ProjectTransitions.find(ProjectAction.COMPLETE_STEP, ProjectStatus.ACTIVE, s)).isEqualTo(
                    last ? java.util.Optional.empty() : ProjectTransitions.find(ProjectAction.COMPLETE_STEP,
                            ProjectStatus.ACTIVE, Step.PLANNING));
            assertThat(ProjectTransitions.find(ProjectAction.ACCEPT, ProjectStatus.ACTIVE, s)).isEqualTo(
                    last ? ProjectTransitions.find(ProjectAction.ACCEPT, ProjectStatus.ACTIVE, Step.ACCEPTANCE)
                            : java.util.Optional.empty());
        }
        assertThat(Step.SUPERVISION.next()).contains(Step.ACCEPTANCE);
        assertThat(Step.ACCEPTANCE.next()).isEmpty();
    }

    @Test
    void aSuspendedProjectMayOnlyBeResumedOrTerminatedAndATerminatedOneNothing() {
        assertThat(ProjectTransitions.possible(ProjectStatus.SUSPENDED, Step.SERVICE))
                .containsExactly(ProjectAction.RESUME, ProjectAction.TERMINATE);
        assertThat(ProjectTransitions.possible(ProjectStatus.TERMINATED, Step.SERVICE)).isEmpty();
        assertThat(ProjectTransitions.possible(ProjectStatus.COMPLETED, Step.ACCEPTANCE)).isEmpty();
        assertThatThrownBy(() -> ProjectTransitions.require(ProjectAction.COMPLETE_STEP, ProjectStatus.SUSPENDED,
                Step.SERVICE)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.CONFLICT);
    }

    @Test
    void workBelongsToItsStepAndNeedsAnActiveProject() {
        assertThat(ProjectTransitions.allows(Activity.SCORE, ProjectStatus.ACTIVE, Step.EVALUATION)).isTrue();
        assertThat(ProjectTransitions.allows(Activity.SCORE, ProjectStatus.ACTIVE, Step.SUPERVISION)).isFalse();
        assertThat(ProjectTransitions.allows(Activity.SCORE, ProjectStatus.SUSPENDED, Step.EVALUATION)).isFalse();
        assertThatThrownBy(() -> ProjectTransitions.requireActivity(Activity.REGISTER_INTEREST,
                ProjectStatus.TERMINATED, Step.SELECTION)).hasMessageContaining("projects.terminated");
    }

    @Test
    void amountsAreExactYuanWithTwoDecimalsAndAnythingElseIsRefused() {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        assertThat(Amounts.yuan("a", "1,320,000,000.5", true, errors)).isEqualTo(new BigDecimal("1320000000.50"));
        assertThat(Amounts.yuan("b", "十三亿", true, errors)).isNull();
        assertThat(Amounts.yuan("c", "1e9", true, errors)).isNull();
        assertThat(Amounts.yuan("d", "12.345", true, errors)).isNull();
        assertThat(Amounts.score("e", "100.01", errors)).isNull();
        assertThat(Amounts.score("f", "92.5", errors)).isEqualTo(new BigDecimal("92.50"));
        assertThat(errors.has("b") && errors.has("c") && errors.has("d") && errors.has("e")).isTrue();
        assertThat(errors.has("a") || errors.has("f")).isFalse();
    }
}
