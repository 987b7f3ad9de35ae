package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The cases module alone with what it depends on (identity, region, calendar; the demo town for its people and
 * places): the events other modules build on. A dispatch publishes {@link CaseEvent.CaseDispatched} naming the
 * department it went to — what brings the case to that department's inbox (notify's module test takes it from
 * there) and to the 12345 hotline's outbox (hotline's).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class CasesModuleTest {

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDispatchPublishesTheEventNamingTheDepartmentItWentTo(AssertablePublishedEvents events) {
        CurrentUser dispatcher = ModuleTestSetup.Users.of(jdbc, "dispatcher");
        long department = jdbc.sql("SELECT id FROM department WHERE code = 'MS-WYB'").query(Long.class).single();

        CaseView c = ModuleTestSetup.Reports.byGumei(cases, jdbc, "LIVE_HEATING", "楼道暖气管道漏水");
        assertThat(events.ofType(CaseEvent.CaseReported.class).matching(e -> e.caseId() == c.id())).hasSize(1);

        CaseView registered = cases.act(c.id(), new CaseCommand.Register(c.version(), null), dispatcher);
        cases.act(c.id(), new CaseCommand.Dispatch(registered.version(), department, null, "请签收"), dispatcher);

        assertThat(events.ofType(CaseEvent.CaseDispatched.class).matching(e -> e.caseId() == c.id()))
                .as("one dispatch event for the case, naming its department and where it stands")
                .singleElement().satisfies(e -> {
                    assertThat(e.departmentId()).isEqualTo(department);
                    assertThat(e.facts().departmentId()).isEqualTo(department);
                    assertThat(e.facts().state()).isEqualTo(CaseState.DISPATCHED);
                    assertThat(e.facts().tier()).isEqualTo(Tier.TOWN);
                    assertThat(e.facts().actorId()).isEqualTo(dispatcher.id());
                });
    }
}
