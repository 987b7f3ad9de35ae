package cn.huying.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.WithoutRegionModule;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.UserAccounts;
import cn.huying.projects.internal.DisclosureSweep;
import cn.huying.projects.internal.ProjectService;
import cn.huying.support.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * 阳光推介 with what it depends on (identity, the working calendar): the events it publishes. Completing a step
 * publishes {@link ProjectStepCompleted} with the disclosure limit, the end of the 20th working day on the official
 * calendar; the sweep publishes {@link DisclosureDueSoon} once when the warning time has come and once more, marked
 * late, when the limit has passed without a disclosure.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTestSetup
@Import(WithoutRegionModule.class)
class ProjectsModuleTest {

    @Autowired
    ProjectService projects;

    @Autowired
    DisclosureSweep sweep;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompletedStepPublishesItsDisclosureLimitAndTheSweepItsWarnings(AssertablePublishedEvents events) {
        UserAccounts.UserSummary account = accounts.create(new UserAccounts.NewUser("seam-officer", "项目专员 周敏",
                "Seam@2026pw", Set.of(ProjectRoles.PROJECT_OFFICER), null, null));
        CurrentUser officer = new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
                Set.of(ProjectPermissions.VIEW, ProjectPermissions.MANAGE), null, null);
        try {
            clock.set(at("2026-09-21T09:00:00"));
            long id = projects.create(new ProjectService.ProjectInput("城阳物流园冷链仓储项目", "物流仓储", "城阳区流亭街道",
                    "120000000", "区投资促进中心", null, List.of()), officer);
            projects.openConsultation(id, LocalDate.of(2026, 9, 24), officer);
            String code = jdbc.sql("SELECT code FROM project WHERE id = ?").param(id).query(String.class).single();

            // Monday 28 September, after the Mid-Autumn days off: the 20 working days skip the National Day holiday
            // (1–7 October) and count the make-up Saturday 10 October, so the limit is the end of Friday 30 October
            // (with Monday to Friday only it would have been 26 October)
            Instant completed = at("2026-09-28T10:00:00");
            clock.set(completed);
            projects.act(id, ProjectAction.COMPLETE_STEP, Step.PLANNING, "规划方案已论证，征求意见已采纳", officer);
            Instant due = at("2026-10-30T23:59:59");
            assertThat(events.ofType(ProjectStepCompleted.class).matching(e -> e.projectId() == id))
                    .containsExactly(new ProjectStepCompleted(id, code, Step.PLANNING, completed, due));

            clock.set(at("2026-10-26T12:00:00"));
            sweep.sweep();
            assertThat(events.ofType(DisclosureDueSoon.class).matching(e -> e.projectId() == id))
                    .as("no warning before the 17th working day has ended").isEmpty();

            clock.set(at("2026-10-28T09:00:00"));
            sweep.sweep();
            sweep.sweep(); // a second pass (or another node's) warns no more
            assertThat(events.ofType(DisclosureDueSoon.class).matching(e -> e.projectId() == id))
                    .containsExactly(new DisclosureDueSoon(id, code, Step.PLANNING, due, false));

            clock.set(at("2026-10-31T09:00:00"));
            sweep.sweep();
            sweep.sweep();
            assertThat(events.ofType(DisclosureDueSoon.class).matching(e -> e.projectId() == id))
                    .containsExactly(new DisclosureDueSoon(id, code, Step.PLANNING, due, false),
                            new DisclosureDueSoon(id, code, Step.PLANNING, due, true));
        } finally {
            clock.reset();
        }
    }

    /** A local time in Asia/Shanghai. */
    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }
}
