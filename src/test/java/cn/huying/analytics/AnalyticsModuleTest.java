package cn.huying.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Analytics publishes no event and listens to none: it reads what cases publishes. Its contract with cases is the
 * published view {@code case_work_v} under cases' scope rule — a case reported a moment ago is in the dispatcher's
 * queue 待受理 and its count at once (no copy to keep current), and not in the queue of a user whose scope it is not.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class AnalyticsModuleTest {

    @Autowired
    Cases cases;

    @Autowired
    CaseBoard board;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportedCaseIsInTheDispatchersQueueAtOnceAndNowhereElse() {
        CurrentUser dispatcher = ModuleTestSetup.Users.of(jdbc, "dispatcher");
        CurrentUser otherDepartment = ModuleTestSetup.Users.of(jdbc, "handler-ms-sfs");
        long before = board.count(CaseBoard.Queue.TO_REGISTER, dispatcher);
        CaseView c = ModuleTestSetup.Reports.byGumei(cases, jdbc, "LIVE_HEATING", "暖气不热");

        assertThat(board.count(CaseBoard.Queue.TO_REGISTER, dispatcher)).isEqualTo(Math.min(before + 1,
                CaseBoard.BADGE_CAP + 1));
        assertThat(board.queue(CaseBoard.Queue.TO_REGISTER, dispatcher, new PageRequest(0, 200)).items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(c.id()));
        assertThat(board.queue(CaseBoard.Queue.OPEN, otherDepartment, new PageRequest(0, 200)).items())
                .noneSatisfy(s -> assertThat(s.id()).isEqualTo(c.id()));
    }
}
