package cn.huying.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Assessment publishes no event and listens to none; what analytics (the dashboard, the weekly report) takes from it
 * is {@link Rates}, counted over cases' published read model {@code case_facts_v} in the viewer's scope. Assessment
 * does not depend on cases, so the test adds cases (and its calendar) to write a case: one reported a moment ago is
 * in the 处置率 denominator (received and taken on) of the town's dispatcher at once — in every rate figure
 * analytics reads and among the cases behind the figure — and not in that of a grid worker of another village.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"demo", "cases", "calendar"})
@ModuleTestSetup
class AssessmentModuleTest {

    @Autowired
    Rates rates;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aReportedCaseCountsAtOnceInTheDispatchersRatesAndNotInAnotherVillages() {
        CurrentUser dispatcher = ModuleTestSetup.Users.of(jdbc, "dispatcher");
        CurrentUser otherVillage = ModuleTestSetup.Users.of(jdbc, "gridworker2");
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        // a day either side, so a test run across midnight still counts the case
        RateFilter filter = new RateFilter(null, null, null, null, null, today.minusDays(1), today.plusDays(1));
        RateFigure before = disposal(rates.rates(filter, dispatcher));
        long otherBefore = rates.rate(Rate.DISPOSAL, filter, otherVillage).denominator();

        CaseView c = ModuleTestSetup.Reports.byGumei(cases, jdbc, "LIVE_HEATING", "暖气不热");

        RateFigure after = disposal(rates.rates(filter, dispatcher));
        assertThat(after.denominator()).as("应处置数").isEqualTo(before.denominator() + 1);
        assertThat(after.numerator()).as("处置数: not resolved yet").isEqualTo(before.numerator());
        assertThat(rates.rate(Rate.DISPOSAL, filter, dispatcher).denominator()).isEqualTo(after.denominator());
        assertThat(rates.cases(Rate.DISPOSAL, filter, false, 500, dispatcher))
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo(c.id());
                    assertThat(f.code()).isEqualTo(c.code());
                });
        assertThat(rates.rate(Rate.DISPOSAL, filter, otherVillage).denominator()).isEqualTo(otherBefore);
        assertThat(rates.cases(Rate.DISPOSAL, filter, false, 500, otherVillage))
                .noneSatisfy(f -> assertThat(f.id()).isEqualTo(c.id()));
    }

    private static RateFigure disposal(List<RateFigure> figures) {
        return figures.stream().filter(f -> f.rate() == Rate.DISPOSAL).findFirst().orElseThrow();
    }
}
