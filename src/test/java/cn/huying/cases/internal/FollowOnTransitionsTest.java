package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reopen-on-revisit and follow-the-lead are transitions of the table ({@link TransitionTable#FOLLOW_ONS}) taken by
 * the aggregate's verbs, with their history entry and events recorded by the case itself.
 */
class FollowOnTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-16T02:00:00Z");
    private static final Sla SLA = new Sla(NOW, null, 1, 1L, null, null, NOW.plus(Duration.ofDays(5)), false, 0,
            NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(6)), 0, NOW.plus(Duration.ofDays(4)), null, null,
            null);
    private static final Sla REWORK = Sla.received(NOW, null).withDeadline(NOW.plus(Duration.ofDays(10)),
            NOW.plus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(11)), NOW.plus(Duration.ofDays(9)), null);
    private static final Actor DISPATCHER = new Actor(52L, "调度员", Set.of(Roles.DISPATCHER), null);

    private static final CaseDeadlines DEADLINES = new FixedDeadlines(SLA, null, REWORK, null);

    private static CaseFile caseAt(long id, CaseState state, Long lead, String reply, String phone) {
        CaseFile.Intake intake = new CaseFile.Intake("MS-20260316-000" + id, CaseKind.LIVELIHOOD, 1L,
                Channel.GRID_REPORT, Urgency.NORMAL, "路灯不亮", "村内路灯不亮", 35.0, 117.3, null, 10L, 2L,
                new CaseFile.Reporter(900L, null, phone, null, null), 900L, null);
        return CaseFile.restore(id, intake, state, Tier.TOWN, "TOWN", Tier.TOWN, 7L, null, lead, 0, 0, null, reply, NOW,
                NOW, null, null, null, null, 4L, SLA);
    }

    @Test
    void aFirstUnsatisfiedRevisitIsTheReworkFollowOnAndAsksTheDeadlinesPortForTheReworkLimit() {
        CaseFile c = caseAt(1L, CaseState.CLOSED, null, "已修", null);
        c.revisit(DISPATCHER, Satisfaction.UNSATISFIED, "没修好", NOW, DEADLINES);
        assertThat(c.state()).isEqualTo(TransitionTable.FOLLOW_ONS.get(0).to()).isEqualTo(CaseState.REOPENED);
        assertThat(c.sla()).isEqualTo(REWORK);
        List<HistoryDraft> history = c.drainHistory();
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(HistoryKind.REVISIT);
            assertThat(h.fromState()).isEqualTo(CaseState.CLOSED);
            assertThat(h.toState()).isEqualTo(CaseState.REOPENED);
        });
        assertThat(c.drainEvents()).hasAtLeastOneElementOfType(CaseEvent.CaseReopened.class);
    }

    @Test
    void aMergedCaseFollowsItsClosedLeadThroughTheAggregate() {
        CaseFile lead = caseAt(2L, CaseState.CLOSED, null, "路灯已修复", null);
        CaseFile merged = caseAt(3L, CaseState.MERGED, 2L, null, "enc-phone");
        merged.followLead(DISPATCHER, lead, NOW);
        assertThat(merged.state()).isEqualTo(CaseState.MERGED);
        assertThat(merged.reply()).isEqualTo("路灯已修复");
        assertThat(merged.drainHistory()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(HistoryKind.FOLLOW_LEAD);
            assertThat(h.note()).contains(lead.code()).contains("路灯已修复");
        });
        assertThat(merged.drainEvents()).hasSize(2).anySatisfy(e -> assertThat(e).isInstanceOf(CaseEvent.CaseClosed.class))
                .anySatisfy(e -> assertThat(e).isInstanceOf(CaseEvent.CitizenToBeTold.class));
    }

    @Test
    void onlyAMergedCaseOfThatLeadFollowsAndOnlyOnceTheLeadHasClosed() {
        CaseFile openLead = caseAt(2L, CaseState.VERIFIED, null, null, null);
        assertThatThrownBy(() -> caseAt(3L, CaseState.MERGED, 2L, null, null).followLead(DISPATCHER, openLead, NOW))
                .isInstanceOf(DomainException.class);
        CaseFile lead = caseAt(2L, CaseState.CLOSED, null, "好了", null);
        assertThatThrownBy(() -> caseAt(3L, CaseState.MERGED, 5L, null, null).followLead(DISPATCHER, lead, NOW))
                .isInstanceOf(DomainException.class);
        CaseFile notMerged = caseAt(4L, CaseState.CLOSED, 2L, null, null);
        assertThatThrownBy(() -> notMerged.followLead(DISPATCHER, lead, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(notMerged.drainHistory()).isEmpty();
    }
}
