package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every action has exactly one allowed-actions answer: for every action, state, tier and kind of user, what
 * {@link ActionPolicy#allowed} offers (the case page, the work queues and the API's {@code allowedActions}) is what
 * the aggregate's verb accepts — no action offered and then refused, none refused silently and then taken — and an
 * action the user lacks the permission for is never offered. An action taken without its note is refused as bad
 * input exactly when {@link CaseAction#noteRequired} says so (the page marks the same field).
 */
class ActionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-16T02:00:00Z");
    private static final long DEPARTMENT = 7L;
    private static final long REPORTER = 900L;
    private static final Sla SLA = new Sla(NOW, null, 1, 1L, null, null, NOW.plus(Duration.ofDays(5)), false, 0,
            NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(6)), 0, NOW.plus(Duration.ofDays(4)), null, null,
            null);
    private static final CaseDeadlines DEADLINES = FixedDeadlines.always(SLA);

    /** The users: each role, a handler of the case's department and of another, the reporter and a stranger. */
    private static List<CurrentUser> users(boolean permitted) {
        Set<String> all = permitted ? Arrays.stream(CaseAction.values()).map(CaseAction::permission)
                .collect(Collectors.toSet()) : Set.of("case:view");
        return List.of(
                new CurrentUser(50L, "g", "网格员", Set.of(Roles.GRID_WORKER), all, 1L, null),
                new CurrentUser(51L, "v", "村干部", Set.of(Roles.VILLAGE_CADRE), all, 1L, null),
                new CurrentUser(52L, "d", "调度员", Set.of(Roles.DISPATCHER), all, 1L, null),
                new CurrentUser(53L, "h", "本部门", Set.of(Roles.HANDLER), all, 1L, DEPARTMENT),
                new CurrentUser(54L, "o", "别的部门", Set.of(Roles.HANDLER), all, 1L, 99L),
                new CurrentUser(REPORTER, "c", "诉求人", Set.of(Roles.CITIZEN), all, 1L, null),
                new CurrentUser(4242L, "s", "路人", Set.of(Roles.CITIZEN), all, 1L, null));
    }

    @Test
    void whatThePolicyOffersIsWhatTheAggregateAccepts() {
        List<String> mismatches = new ArrayList<>();
        int offered = 0;
        for (CaseState state : CaseState.values()) {
            for (Tier tier : Tier.values()) {
                for (Long department : new Long[] {null, DEPARTMENT}) {
                    for (CurrentUser user : users(true)) {
                        Set<CaseAction> allowed = ActionPolicy.allowed(state, tier, department, REPORTER, user);
                        for (CaseAction action : CaseAction.values()) {
                            CaseFile c = caseAt(state, tier, department);
                            boolean taken;
                            try {
                                take(c, action, Actor.of(user));
                                taken = true;
                            } catch (DomainException e) {
                                taken = false;
                            }
                            if (taken != allowed.contains(action)) {
                                mismatches.add(action + " " + state + "/" + tier + " dept=" + department + " by "
                                        + user.displayName() + ": offered=" + allowed.contains(action) + " taken=" + taken);
                            }
                            offered += taken ? 1 : 0;
                            if (taken) {
                                // the one note rule: without a note, refused as bad input exactly when it is required
                                boolean invalid;
                                try {
                                    take(caseAt(state, tier, department), action, Actor.of(user), " ");
                                    invalid = false;
                                } catch (DomainException e) {
                                    invalid = e.kind() == DomainException.Kind.INVALID;
                                }
                                if (invalid != action.noteRequired()) {
                                    mismatches.add(action + " without a note: refused=" + invalid + " noteRequired="
                                            + action.noteRequired());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(offered).as("the table is not empty").isGreaterThan(50);
    }

    @Test
    void anActionIsNeverOfferedWithoutItsPermission() {
        for (CaseState state : CaseState.values()) {
            for (Tier tier : Tier.values()) {
                for (CurrentUser user : users(false)) {
                    assertThat(ActionPolicy.allowed(state, tier, DEPARTMENT, REPORTER, user)).isEmpty();
                }
            }
        }
    }

    private static CaseFile caseAt(CaseState state, Tier tier, Long department) {
        CaseFile.Intake intake = new CaseFile.Intake("MS-20260316-0001", CaseKind.LIVELIHOOD, 1L, Channel.GRID_REPORT,
                Urgency.NORMAL, "路灯不亮", "村内路灯不亮", 35.0, 117.3, null, 10L, 2L,
                new CaseFile.Reporter(REPORTER, null, null, null, null), REPORTER, null);
        CaseFile c = CaseFile.restore(1L, intake, state, tier, tier.name(), null, department, null, null, 0, 0, null,
                null, NOW, NOW, null, null, null, null, 3L, SLA);
        return c;
    }

    private static void take(CaseFile c, CaseAction action, Actor actor) {
        take(c, action, actor, null);
    }

    /** The action with valid fields; with {@code note}, that note (or reason, or reply) instead of a good one. */
    private static void take(CaseFile c, CaseAction action, Actor actor, String note) {
        String why = note != null ? note : "理由";
        String optional = note;
        CaseFile lead = caseAt(CaseState.REGISTERED, Tier.TOWN, null);
        lead.assignId(2L);
        switch (action) {
            case RESOLVE_ON_SPOT -> c.resolveOnSpot(actor, why, List.of(), NOW);
            case ESCALATE -> c.escalate(actor, why, List.of(), NOW);
            case REGISTER -> c.register(actor, optional, NOW, DEADLINES);
            case REJECT -> c.reject(actor, why, NOW);
            case MERGE -> c.mergeInto(actor, lead, optional, NOW);
            case DISPATCH -> c.dispatch(actor, DEPARTMENT, null, optional, NOW);
            case PARK -> c.park(actor, why, NOW);
            case RESUME -> c.resume(actor, optional, NOW, DEADLINES);
            case TRANSFER -> c.transfer(actor, why, "滕州市公安局木石派出所", NOW);
            case ACCEPT -> c.accept(actor, optional, NOW);
            case RETURN -> c.returnToDispatcher(actor, why, NOW);
            case RESOLVE -> c.resolve(actor, why, List.of(), NOW);
            case VERIFY -> c.verify(actor, optional, List.of(), NOW);
            case REOPEN -> c.reopen(actor, why, NOW, DEADLINES);
            case CLOSE -> c.close(actor, optional, NOW);
            case REVISIT -> c.revisit(actor, Satisfaction.SATISFIED, optional, NOW, DEADLINES);
        }
    }
}
