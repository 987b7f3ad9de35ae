package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.WithoutRegionModule;
import cn.huying.finance.internal.BankService;
import cn.huying.finance.internal.EngagementView;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.FirstContactSweep;
import cn.huying.finance.internal.NeedService;
import cn.huying.identity.CreditCodes;
import cn.huying.identity.Enterprises;
import cn.huying.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * 阳光产融 with what it depends on (identity's enterprise registry, the working calendar): the event it publishes.
 * A bank that takes a need and does not contact the enterprise by the first-contact deadline (stored on the
 * engagement, on the working calendar) is lapsed by the sweep, which publishes {@link FirstContactMissed} once,
 * naming the engagement, the need, the bank and the deadline; the need's slot reopens and the office gets an alert.
 * Before the deadline the sweep publishes nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTestSetup
@Import(WithoutRegionModule.class)
class FinanceModuleTest {

    @Autowired
    Enterprises enterprises;

    @Autowired
    BankService banks;

    @Autowired
    NeedService needs;

    @Autowired
    FirstContactSweep sweep;

    @Autowired
    MutableClock clock;

    @Test
    void aBankMissingItsFirstContactIsLapsedAndPublishedOnce(AssertablePublishedEvents events) {
        Enterprises.Registered sme = enterprises.register(new Enterprises.Registration(CreditCodes.unique(),
                "青岛城阳接缝物流有限公司", "王建华", "13805321001", true, "seam-sme", "Seam@2026pw"));
        enterprises.approve(sme.enterprise().id());
        BankService.Bank bank = banks.create("SEAM-CY", "接缝银行城阳支行", null);
        var enterprise = new FinanceActors.EnterpriseActor(sme.enterprise().id(), sme.enterprise().name(), "seam-sme");
        var banker = new FinanceActors.BankActor(bank.id(), bank.name(), "seam-banker");
        long needId = needs.post(enterprise, new NeedService.NewNeed("购置冷链运输车辆", new BigDecimal("500000"), 12,
                new BigDecimal("0.0550"), GuaranteeType.CREDIT, true)).id();
        EngagementView taken = needs.take(banker, needId);
        assertThat(needs.any(needId).status()).isEqualTo(NeedStatus.MATCHING);
        try {
            clock.set(taken.contactDue().minus(Duration.ofMinutes(1)));
            sweep.sweep();
            assertThat(events.ofType(FirstContactMissed.class)).as("not yet due").isEmpty();

            clock.set(taken.contactDue().plus(Duration.ofMinutes(1)));
            sweep.sweep();
            sweep.sweep(); // a second run (or another node's) publishes no more
        } finally {
            clock.reset();
        }

        assertThat(events.ofType(FirstContactMissed.class))
                .containsExactly(new FirstContactMissed(taken.id(), needId, bank.id(), "接缝银行城阳支行", taken.contactDue()));
        assertThat(needs.engagement(taken.id()).status()).isEqualTo(EngagementStatus.LAPSED);
        assertThat(needs.any(needId).status()).as("its slot reopens").isEqualTo(NeedStatus.PUBLISHED);
        assertThat(needs.alerts()).as("the office is told")
                .anySatisfy(a -> {
                    assertThat(a.kind()).isEqualTo("FIRST_CONTACT_MISSED");
                    assertThat(a.engagementId()).isEqualTo(taken.id());
                });
    }
}
