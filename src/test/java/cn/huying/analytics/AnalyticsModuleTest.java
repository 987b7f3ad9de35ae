package cn.huying.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import java.util.List;
import java.util.UUID;
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
        long region = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class).single();
        CaseView c = cases.submit(new NewCase("LIVE_HEATING", null, Urgency.NORMAL, null, "暖气不热", null, null,
                "凤翔小镇3号楼", region, null, null, false, null, List.of(), UUID.randomUUID().toString(), null, null,
                true), ModuleTestSetup.Users.of(jdbc, "gumei")).c();

        assertThat(board.count(CaseBoard.Queue.TO_REGISTER, dispatcher)).isEqualTo(Math.min(before + 1,
                CaseBoard.BADGE_CAP + 1));
        assertThat(board.queue(CaseBoard.Queue.TO_REGISTER, dispatcher, new PageRequest(0, 200)).items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(c.id()));
        assertThat(board.queue(CaseBoard.Queue.OPEN, otherDepartment, new PageRequest(0, 200)).items())
                .noneSatisfy(s -> assertThat(s.id()).isEqualTo(c.id()));
    }
}
