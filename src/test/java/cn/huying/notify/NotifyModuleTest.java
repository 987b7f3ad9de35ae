package cn.huying.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Tier;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * What notify listens to: a dispatch ({@link CaseEvent.CaseDispatched}, published by cases, whose module test pins
 * it) reaches the inbox of the handlers of the department it names — and of no other department — in the
 * publishing transaction, once however often it is delivered.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class NotifyModuleTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aDispatchReachesTheInboxOfTheDepartmentsHandlers(Scenario scenario) {
        long department = jdbc.sql("SELECT id FROM department WHERE code = 'MS-WYB'").query(Long.class).single();
        long handler = userId("handler");
        long otherHandler = userId("handler-ms-sfs");
        long region = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class).single();
        long caseId = 900_000_001L;
        CaseEvent.CaseDispatched dispatched = new CaseEvent.CaseDispatched(new CaseEvent.Facts(caseId,
                "MS-20260301-9001", "楼道暖气管道漏水", Channel.GRID_REPORT, CaseState.DISPATCHED, Tier.TOWN, department,
                region, userId("dispatcher"), clock.instant()), department, null);

        scenario.publish(dispatched)
                .andWaitForStateChange(() -> recipients(caseId))
                .andVerify(users -> assertThat(users).contains(handler).doesNotContain(otherHandler));
        // delivered again (a retry): still one message per handler
        scenario.publish(dispatched)
                .andWaitForStateChange(() -> recipients(caseId))
                .andVerify(users -> assertThat(users).doesNotHaveDuplicates());
    }

    private List<Long> recipients(long caseId) {
        return jdbc.sql("SELECT user_id FROM inbox_message WHERE case_id = ?").param(caseId).query(Long.class).list();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }
}
