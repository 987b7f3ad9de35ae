package cn.huying.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The registry publishes no event and listens to none. What patrol builds on is its API {@link Residents} under the
 * viewer's scope: the visit plan's {@link Residents#careList} holds the care-tagged people who live in a house of the
 * viewer's grid now — a person tagged and moved in is on their grid worker's list at once, on no other grid's, and
 * off it once moved out; and a case (a patrol's finding) linked to a house with {@link Residents#linkCase} is among
 * the house's cases and names the house to those whose scope holds it, to nobody else.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class ResidentsModuleTest {

    static final String ALONE_ELDERLY = "ALONE_ELDERLY";

    @Autowired
    Residents residents;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCareTaggedPersonIsOnTheirGridsVisitListWhileLivingThere() {
        CurrentUser gumei = ModuleTestSetup.Users.of(jdbc, "gumei");
        CurrentUser otherGrid = ModuleTestSetup.Users.of(jdbc, "gridworker2");
        Residents.HouseSummary house = aHouseOf(gumei);

        Residents.PersonSummary person = residents.createPerson(new Residents.NewPerson("测试老人",
                IdCardNumber.complete("37048119250615777"), "13900001111", ResidentKind.REGISTERED,
                null, Set.of(ALONE_ELDERLY), null, house.id(), Relation.HEAD, null), gumei);

        assertThat(residents.careList(Set.of(ALONE_ELDERLY), gumei))
                .anySatisfy(p -> {
                    assertThat(p.id()).isEqualTo(person.id());
                    assertThat(p.houseId()).isEqualTo(house.id());
                    assertThat(p.tagCodes()).contains(ALONE_ELDERLY);
                });
        assertThat(residents.careList(Set.of(ALONE_ELDERLY), otherGrid)).isNotEmpty()
                .noneSatisfy(p -> assertThat(p.id()).isEqualTo(person.id()));

        long membership = residents.house(house.id(), gumei).households().stream()
                .flatMap(h -> h.members().stream()).filter(m -> m.personId() == person.id())
                .mapToLong(Residents.MemberView::memberId).findFirst().orElseThrow();
        residents.moveOut(membership, LocalDate.now(clock), gumei);

        assertThat(residents.careList(Set.of(ALONE_ELDERLY), gumei)).as("moved out: no longer to visit there")
                .noneSatisfy(p -> assertThat(p.id()).isEqualTo(person.id()));
    }

    @Test
    void aCaseLinkedToAHouseIsAmongItsCasesForThoseWhoseScopeHoldsIt() {
        CurrentUser gumei = ModuleTestSetup.Users.of(jdbc, "gumei");
        CurrentUser otherGrid = ModuleTestSetup.Users.of(jdbc, "gridworker2");
        Residents.HouseSummary house = aHouseOf(gumei);
        CaseView c = cases.submit(new NewCase("LIVE_HEATING", null, Urgency.NORMAL, null, "楼道暖气管道漏水", null, null,
                house.address(), house.regionId(), null, null, false, null, List.of(), UUID.randomUUID().toString(),
                null, null, true), gumei).c();

        residents.linkCase(c.id(), house.id(), List.of(), gumei);

        assertThat(residents.casesOfHouse(house.id(), gumei)).first().isEqualTo(c.id());
        assertThat(residents.housesOfCase(c.id(), gumei)).extracting(Residents.HouseSummary::id)
                .containsExactly(house.id());
        assertThat(residents.housesOfCase(c.id(), otherGrid)).as("outside the other grid's scope").isEmpty();
    }

    private Residents.HouseSummary aHouseOf(CurrentUser gridWorker) {
        return residents.houses(new Residents.HouseQuery(null, null, null, new PageRequest(0, 20)), gridWorker)
                .items().stream().filter(h -> h.residents() > 0).findFirst().orElseThrow();
    }
}
