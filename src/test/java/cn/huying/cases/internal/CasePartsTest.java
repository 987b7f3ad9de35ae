package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.ExtensionStatus;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Extension requests, their decisions and staged progress reports are parts of the case aggregate: its verbs check
 * the rules (one request at a time, before the deadline, within the days left; progress only once overdue), ask the
 * deadlines port for the extended limit, and record the part beside the history entry and the event, for the one save
 * to write. Nothing is recorded when a rule refuses.
 */
class CasePartsTest {

    private static final Instant NOW = Instant.parse("2026-03-16T02:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(5));
    private static final Instant EXTENDED_DUE = NOW.plus(Duration.ofDays(8));
    private static final long DEPARTMENT = 7L;
    private static final Sla SLA = new Sla(NOW, null, 1, 1L, null, null, DUE, false, 2, DUE.minus(Duration.ofDays(1)),
            DUE, 0, DUE.minus(Duration.ofDays(1)), null, null, null);
    private static final Actor HANDLER = new Actor(60L, "李强", Set.of(Roles.HANDLER), DEPARTMENT);
    private static final Actor OTHER_DEPARTMENT = new Actor(61L, "王五", Set.of(Roles.HANDLER), 8L);
    private static final Actor LEADER = new Actor(70L, "镇领导", Set.of(Roles.LEADER), null);

    /** The deadlines port: an extension of n working days ends on EXTENDED_DUE, in Shanghai's zone. */
    private static final CaseDeadlines DEADLINES = new FixedDeadlines(SLA, null, SLA, EXTENDED_DUE);

    private static CaseFile dispatched() {
        CaseFile.Intake intake = new CaseFile.Intake("MS-20260316-0001", CaseKind.LIVELIHOOD, 1L, Channel.GRID_REPORT,
                Urgency.NORMAL, "路灯不亮", "村内路灯不亮", 35.0, 117.3, null, 10L, 2L,
                new CaseFile.Reporter(900L, null, null, null, null), 900L, null);
        return CaseFile.restore(1L, intake, CaseState.DISPATCHED, Tier.TOWN, "TOWN", null, DEPARTMENT, null, null, 0, 0,
                null, null, NOW, NOW, NOW, null, null, null, 4L, SLA);
    }

    @Test
    void aRequestIsRecordedAsAPartWithItsHistoryAndItsEventTakesTheStoredId() {
        CaseFile c = dispatched();
        c.requestExtension(HANDLER, 3, "需等待配件到货", 10, false, NOW);

        assertThat(c.drainParts()).singleElement().isEqualTo(
                new CasePart.ExtensionRequest(3, "需等待配件到货", HANDLER.userId(), NOW, DUE));
        assertThat(c.drainHistory()).singleElement()
                .satisfies(h -> assertThat(h.action()).isEqualTo(HistoryKind.EXTENSION_REQUEST));
        c.extensionStored(41L);
        assertThat(c.drainEvents()).singleElement().isInstanceOfSatisfying(CaseEvent.CaseExtensionRequested.class,
                e -> assertThat(e.extensionId()).as("the id the save stored the request under").isEqualTo(41L));
        assertThat(c.sla().dueAt()).as("a request alone moves nothing").isEqualTo(DUE);
    }

    @Test
    void aRequestIsRefusedWithNothingRecordedWhenOneIsPendingAfterTheDeadlineBeyondTheDaysLeftOrByAnotherDepartment() {
        CaseFile c = dispatched();
        assertThatThrownBy(() -> c.requestExtension(HANDLER, 2, "再延期", 10, true, NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("case.extension.pending");
        assertThatThrownBy(() -> c.requestExtension(HANDLER, 2, "再延期", 10, false, DUE))
                .isInstanceOf(DomainException.class).hasMessageContaining("case.extension.after-deadline");
        assertThatThrownBy(() -> c.requestExtension(HANDLER, 9, "再延期", 10, false, NOW))
                .as("2 of 10 days used: 8 left").isInstanceOf(DomainException.class)
                .hasMessageContaining("case.extension.exhausted");
        assertThatThrownBy(() -> c.requestExtension(OTHER_DEPARTMENT, 2, "再延期", 10, false, NOW))
                .isInstanceOf(DomainException.class);
        assertThat(c.drainParts()).isEmpty();
        assertThat(c.drainHistory()).isEmpty();
        assertThat(c.drainEvents()).isEmpty();
    }

    @Test
    void anApprovalAsksThePortForTheNewDeadlineAndARefusalLeavesIt() {
        CaseFile approved = dispatched();
        approved.decideExtension(LEADER, new CasePart.PendingExtension(41L, 1L, 3, ExtensionStatus.PENDING), true,
                "同意", NOW, DEADLINES);
        assertThat(approved.sla().dueAt()).isEqualTo(EXTENDED_DUE);
        assertThat(approved.drainParts()).singleElement().isEqualTo(
                new CasePart.ExtensionDecision(41L, true, LEADER.userId(), NOW, "同意", EXTENDED_DUE));
        assertThat(approved.drainHistory()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(HistoryKind.EXTENSION_APPROVED);
            assertThat(h.note()).contains("批准延期 3 个工作日").contains("2026年3月24日 10:00").contains("同意");
        });

        CaseFile refused = dispatched();
        refused.decideExtension(LEADER, new CasePart.PendingExtension(42L, 1L, 3, ExtensionStatus.PENDING), false,
                null, NOW, DEADLINES);
        assertThat(refused.sla().dueAt()).isEqualTo(DUE);
        assertThat(refused.drainParts()).singleElement().isEqualTo(
                new CasePart.ExtensionDecision(42L, false, LEADER.userId(), NOW, null, null));
    }

    @Test
    void aDecisionOnAnotherCasesOrAnAlreadyDecidedRequestIsRefused() {
        CaseFile c = dispatched();
        assertThatThrownBy(() -> c.decideExtension(LEADER,
                new CasePart.PendingExtension(41L, 2L, 3, ExtensionStatus.PENDING), true, null, NOW, DEADLINES))
                .isInstanceOf(DomainException.class).hasMessageContaining("case.extension.not-found");
        assertThatThrownBy(() -> c.decideExtension(LEADER,
                new CasePart.PendingExtension(41L, 1L, 3, ExtensionStatus.APPROVED), true, null, NOW, DEADLINES))
                .isInstanceOf(DomainException.class).hasMessageContaining("case.extension.decided");
        assertThat(c.drainParts()).isEmpty();
        assertThat(c.sla().dueAt()).isEqualTo(DUE);
    }

    @Test
    void progressIsAPartOnceOverdueAndRefusedBefore() {
        CaseFile c = dispatched();
        LocalDate promised = LocalDate.of(2026, 3, 25);
        assertThatThrownBy(() -> c.recordProgress(HANDLER, "配件未到", "催促供货", promised, NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("case.progress.not-overdue");
        assertThat(c.drainParts()).isEmpty();

        Instant late = DUE.plus(Duration.ofHours(1));
        c.recordProgress(HANDLER, "配件未到", "催促供货", promised, late);
        assertThat(c.drainParts()).singleElement().isEqualTo(
                new CasePart.ProgressReport("配件未到", "催促供货", promised, HANDLER.userId(), late));
        assertThat(c.sla().lastProgressAt()).isEqualTo(late);
        assertThat(c.drainEvents()).singleElement().isInstanceOf(CaseEvent.CaseProgressRecorded.class);
    }
}
