package cn.huying.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.identity.CurrentUser;
import cn.huying.residents.Residents;
import cn.huying.shared.PageRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Patrol publishes no event of its own and listens to none: a grid worker's finding turned into a case in one step
 * reaches the other modules as the case's own {@link CaseEvent.CaseReported} (channel 网格员上报, the house's grid,
 * the worker as actor) — what the command centre's queue, the inboxes and the hotline build on — and the house it
 * names gets the case in the registry ({@link Residents#casesOfHouse}). A phone that sends the same record again
 * (same idempotency key) gets the first one back: no second patrol, no second case, no second event.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class PatrolModuleTest {

    @Autowired
    Patrols patrols;

    @Autowired
    Residents residents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFindingTurnedIntoACaseIsReportedOnceAndLinkedToItsHouse(AssertablePublishedEvents events) {
        CurrentUser gumei = ModuleTestSetup.Users.of(jdbc, "gumei");
        Residents.HouseSummary house = residents.houses(new Residents.HouseQuery(null, null, null,
                new PageRequest(0, 1)), gumei).items().get(0);
        String category = patrols.findingCategories().get(0).code();
        Patrols.NewPatrol finding = new Patrols.NewPatrol(null, null, null, "楼道", "楼道堆放杂物堵塞消防通道", house.id(),
                true, category, UUID.randomUUID().toString());

        Patrols.Recorded<Patrols.PatrolView> first = patrols.record(finding, gumei);
        Patrols.Recorded<Patrols.PatrolView> again = patrols.record(finding, gumei);

        Long caseId = first.value().caseId();
        assertThat(caseId).as("the finding became a case in the same step").isNotNull();
        assertThat(first.replay()).isFalse();
        assertThat(again.replay()).isTrue();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(again.value().caseId()).isEqualTo(caseId);
        assertThat(events.ofType(CaseEvent.CaseReported.class).matching(e -> e.caseId() == caseId))
                .as("one report for the case, from the worker, in the house's grid")
                .singleElement().satisfies(e -> {
                    assertThat(e.channel()).isEqualTo(Channel.GRID_REPORT);
                    assertThat(e.facts().state()).isEqualTo(CaseState.REPORTED);
                    assertThat(e.facts().regionId()).isEqualTo(house.regionId());
                    assertThat(e.facts().actorId()).isEqualTo(gumei.id());
                });
        assertThat(residents.casesOfHouse(house.id(), gumei)).contains(caseId);
    }
}
