package cn.huying.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseHandOff;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import cn.huying.mediation.internal.DisputeInput;
import cn.huying.mediation.internal.DisputeIntake;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Mediation publishes no event of its own and listens to none: it takes cases over through cases' hand-off
 * ({@link CaseHandOff}), and the other modules see that as the case's own events. A dispute opened from a reported
 * case claims it — the case is ACCEPTED, with an open claim naming the module, the dispute's code and the
 * organisation, and its steps are published as one {@link CaseEvent.CaseAccepted} like any department's acceptance
 * (what notify's inboxes and the hotline's outbox follow) — and a dispute the organisation gives back ends the claim
 * and returns the case to the command centre with the reason ({@link CaseEvent.CaseReturned}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
class MediationModuleTest {

    @Autowired
    DisputeIntake intake;

    @Autowired
    CaseHandOff handOff;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisputeOpenedFromACaseClaimsItAsAnAcceptance(AssertablePublishedEvents events) {
        CurrentUser centre = ModuleTestSetup.Users.of(jdbc, "centre");
        Map<String, Object> org = centreOrg();
        CaseView c = reportDispute();

        long dispute = open(c, org, centre);

        String code = jdbc.sql("SELECT code FROM dispute WHERE id = ?").param(dispute).query(String.class).single();
        assertThat(handOff.openClaim(c.id())).hasValueSatisfying(claim -> {
            assertThat(claim.module()).isEqualTo("mediation");
            assertThat(claim.reference()).isEqualTo(code);
            assertThat(claim.organisation()).isEqualTo(org.get("name"));
            assertThat(claim.claimedBy()).isEqualTo(centre.id());
        });
        assertThat(cases.get(c.id(), centre).state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(events.ofType(CaseEvent.CaseAccepted.class).matching(e -> e.caseId() == c.id()))
                .as("one acceptance, by the centre's staff on the organisation's behalf").singleElement()
                .satisfies(e -> {
                    assertThat(e.facts().state()).isEqualTo(CaseState.ACCEPTED);
                    assertThat(e.facts().actorId()).isEqualTo(centre.id());
                    assertThat(e.handlerId()).isEqualTo(centre.id());
                });
    }

    @Test
    void aDeclinedDisputeReturnsItsCaseToTheCommandCentre(AssertablePublishedEvents events) {
        CurrentUser centre = ModuleTestSetup.Users.of(jdbc, "centre");
        CaseView c = reportDispute();
        long dispute = open(c, centreOrg(), centre);

        intake.decline(dispute, "不属于人民调解受理范围", centre);

        assertThat(handOff.openClaim(c.id())).as("the claim has ended").isEmpty();
        assertThat(cases.get(c.id(), centre).state()).isEqualTo(CaseState.RETURNED);
        assertThat(events.ofType(CaseEvent.CaseReturned.class).matching(e -> e.caseId() == c.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).contains("不属于人民调解受理范围");
                    assertThat(e.facts().state()).isEqualTo(CaseState.RETURNED);
                });
    }

    private long open(CaseView c, Map<String, Object> org, CurrentUser centre) {
        return intake.open(new DisputeInput.Open(c.id(), null, null, null, null, null,
                ((Number) org.get("id")).longValue(), List.of(), List.of(
                        new DisputeInput.PartyInput("申请人", "卓立新", null, "13805321101"),
                        new DisputeInput.PartyInput("被申请人", "卓长海", null, "13805321102")), null, null), centre);
    }

    private Map<String, Object> centreOrg() {
        return jdbc.sql("SELECT id, name FROM mediation_org WHERE kind = 'CENTRE'").query().singleRow();
    }

    private CaseView reportDispute() {
        return ModuleTestSetup.Reports.byGumei(cases, jdbc, DisputeType.NEIGHBOUR.caseCategory(), "邻居装修噪音扰民，双方争执");
    }
}
