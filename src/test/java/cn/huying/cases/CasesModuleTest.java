package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
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
        CurrentUser gridWorker = ModuleTestSetup.Users.of(jdbc, "gumei");
        CurrentUser dispatcher = ModuleTestSetup.Users.of(jdbc, "dispatcher");
        long department = jdbc.sql("SELECT id FROM department WHERE code = 'MS-WYB'").query(Long.class).single();
        long region = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class).single();

        CaseView c = cases.submit(new NewCase("LIVE_HEATING", null, Urgency.NORMAL, null, "楼道暖气管道漏水", null, null,
                "凤翔小镇3号楼", region, null, null, false, null, List.of(), UUID.randomUUID().toString(), null, null,
                true), gridWorker).c();
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
