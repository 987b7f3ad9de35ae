package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.Tier;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * What the hotline channel listens to: the acceptance of a case that came as a 12345 work order
 * ({@link CaseEvent.CaseAccepted}) writes exactly one message for the hotline into its outbox, in the publishing
 * transaction, numbered after the order's earlier messages; the same step of a case without a work order writes none.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class HotlineModuleTest {

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aHotlineCasesAcceptanceWritesOneOutboxRow(Scenario scenario) {
        long department = jdbc.sql("SELECT id FROM department WHERE code = 'MS-WYB'").query(Long.class).single();
        long handler = jdbc.sql("SELECT id FROM app_user WHERE username = 'handler'").query(Long.class).single();
        CaseView withOrder = report();
        CaseView without = report();
        String orderNo = "12345-" + UUID.randomUUID().toString().substring(0, 13);
        jdbc.sql("INSERT INTO hotline_order (order_no, case_id, channel, hotline_category, category_code,"
                        + " category_mapped, received_at, submitted_by, created_at) VALUES (?, ?, 'HOTLINE_12345', '供暖',"
                        + " 'LIVE_HEATING', TRUE, CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP)")
                .params(orderNo, withOrder.id(), handler).update();

        scenario.publish(accepted(withOrder, department, handler))
                .andWaitForStateChange(() -> outbox(withOrder.id()))
                .andVerify(types -> assertThat(types).containsExactly("ACCEPTED"));
        scenario.publish(accepted(without, department, handler))
                .andWaitForStateChange(() -> Boolean.TRUE)
                .andVerify(done -> assertThat(outbox(without.id())).as("no work order, no message").isEmpty());
    }

    private CaseEvent.CaseAccepted accepted(CaseView c, long department, long handler) {
        return new CaseEvent.CaseAccepted(new CaseEvent.Facts(c.id(), c.code(), c.title(), Channel.HOTLINE_12345,
                CaseState.ACCEPTED, Tier.TOWN, department, c.regionId(), handler, clock.instant()), handler);
    }

    private CaseView report() {
        return ModuleTestSetup.Reports.byGumei(cases, jdbc, "LIVE_HEATING", "暖气不热");
    }

    private List<String> outbox(long caseId) {
        return jdbc.sql("SELECT type FROM hotline_outbox WHERE case_id = ? ORDER BY seq").param(caseId)
                .query(String.class).list();
    }
}
