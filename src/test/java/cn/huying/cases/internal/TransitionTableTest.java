package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole transition table, move by move: for every action, state, tier and role, the aggregate
 * either moves to the state DOMAIN.md section 3 prescribes, or refuses — 409 when the action does
 * not fit the state at all, 403 when it fits but not for this role — and then changes nothing.
 */
class TransitionTableTest {

    /**
     * The specification, written independently of {@link TransitionTable}: action, from-states,
     * tiers (* = any), roles, resulting state.
     */
    private static final String SPEC = """
            RESOLVE_ON_SPOT | REPORTED REOPENED                    | GRID         | GRID_WORKER   | RESOLVED
            ESCALATE        | REPORTED REOPENED                    | GRID         | GRID_WORKER   | ESCALATED
            RESOLVE         | ESCALATED REPORTED REOPENED          | VILLAGE      | VILLAGE_CADRE | RESOLVED
            ESCALATE        | ESCALATED REPORTED REOPENED          | VILLAGE      | VILLAGE_CADRE | ESCALATED
            REGISTER        | REPORTED ESCALATED REOPENED          | *            | DISPATCHER    | REGISTERED
            REJECT          | REPORTED ESCALATED REGISTERED RETURNED | *          | DISPATCHER    | REJECTED
            MERGE           | REPORTED ESCALATED REGISTERED        | *            | DISPATCHER    | MERGED
            DISPATCH        | REGISTERED RETURNED REOPENED         | TOWN         | DISPATCHER    | DISPATCHED
            PARK            | REGISTERED RETURNED ACCEPTED         | TOWN         | DISPATCHER    | PARKED
            RESUME          | PARKED                               | TOWN         | DISPATCHER    | REGISTERED
            TRANSFER        | REGISTERED DISPATCHED ACCEPTED RETURNED | TOWN      | DISPATCHER    | TRANSFERRED
            TRANSFER        | DISPATCHED ACCEPTED                  | TOWN         | HANDLER       | TRANSFERRED
            ACCEPT          | DISPATCHED                           | TOWN         | HANDLER       | ACCEPTED
            RETURN          | DISPATCHED ACCEPTED                  | TOWN         | HANDLER       | RETURNED
            RESOLVE         | ACCEPTED                             | TOWN         | HANDLER       | RESOLVED
            VERIFY          | RESOLVED                             | *            | DISPATCHER    | VERIFIED
            VERIFY          | RESOLVED                             | GRID VILLAGE | VILLAGE_CADRE | VERIFIED
            REOPEN          | RESOLVED VERIFIED                    | *            | DISPATCHER    | REOPENED
            REOPEN          | RESOLVED VERIFIED                    | GRID VILLAGE | VILLAGE_CADRE | REOPENED
            CLOSE           | VERIFIED TRANSFERRED                 | *            | DISPATCHER    | CLOSED
            CLOSE           | VERIFIED                             | GRID VILLAGE | VILLAGE_CADRE | CLOSED
            REVISIT         | CLOSED                               | *            | DISPATCHER    | REVISITED
            REVISIT         | CLOSED                               | *            | CITIZEN       | REVISITED
            """;

    private static final List<String> ROLES = List.of(Roles.GRID_WORKER, Roles.VILLAGE_CADRE, Roles.DISPATCHER,
            Roles.HANDLER, Roles.MEDIATOR, Roles.LEADER, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM);
    private static final long DEPARTMENT = 7L;
    private static final long REPORTER = 1000L;
    private static final Instant NOW = Instant.parse("2026-03-15T02:00:00Z");

    private record Key(CaseAction action, CaseState state, Tier tier, String role) {
    }

    private static Map<Key, CaseState> spec() {
        Map<Key, CaseState> out = new HashMap<>();
        for (String line : SPEC.strip().split("\n")) {
            String[] p = line.split("\\|");
            CaseAction action = CaseAction.valueOf(p[0].strip());
            List<Tier> tiers = p[2].strip().equals("*") ? List.of(Tier.values())
                    : java.util.Arrays.stream(p[2].strip().split("\\s+")).map(Tier::valueOf).toList();
            for (String s : p[1].strip().split("\\s+")) {
                for (Tier t : tiers) {
                    out.put(new Key(action, CaseState.valueOf(s), t, p[3].strip()), CaseState.valueOf(p[4].strip()));
                }
            }
        }
        return out;
    }

    private static CaseFile caseAt(CaseState state, Tier tier) {
        CaseFile.Intake intake = new CaseFile.Intake("MS-20260315-0001", CaseKind.LIVELIHOOD, 1L, Channel.GRID_REPORT,
                Urgency.NORMAL, "热力管道漏水", "11号楼热力管道漏水", 35.0, 117.3, null, 10L, 2L,
                new CaseFile.Reporter(REPORTER, null, null, null, null), REPORTER, null);
        boolean assigned = EnumSetOfAssigned.contains(state);
        return CaseFile.restore(1L, intake, state, tier, tier.name(), null, assigned ? DEPARTMENT : null, null, null, 0,
                0, null, null, NOW, NOW, null, null, null, null, 3L, SLA);
    }

    /** Time limits as after registration: due in five days, watched from the yellow instant. */
    private static final Sla SLA = new Sla(NOW, null, 1, 1L, null, null,
            NOW.plus(java.time.Duration.ofDays(5)), false, 0, NOW.plus(java.time.Duration.ofDays(4)),
            NOW.plus(java.time.Duration.ofDays(6)), 0, NOW.plus(java.time.Duration.ofDays(4)), null,
            NOW.plus(java.time.Duration.ofDays(9)), null);

    /** The deadlines port with fixed answers: the limits above, whatever is asked. */
    private static final CaseDeadlines DEADLINES = FixedDeadlines.always(SLA);

    private static final Set<CaseState> EnumSetOfAssigned = Set.of(CaseState.DISPATCHED, CaseState.ACCEPTED,
            CaseState.RESOLVED, CaseState.VERIFIED, CaseState.CLOSED, CaseState.TRANSFERRED, CaseState.PARKED);

    private static Actor actor(String role) {
        long id = role.equals(Roles.CITIZEN) ? REPORTER : 50L;
        return new Actor(id, "测试" + role, Set.of(role), role.equals(Roles.HANDLER) ? DEPARTMENT : null);
    }

    private static void act(CaseFile c, CaseAction action, Actor actor) {
        CaseFile lead = caseAt(CaseState.REGISTERED, Tier.TOWN);
        lead.assignId(2L);
        switch (action) {
            case RESOLVE_ON_SPOT -> c.resolveOnSpot(actor, "已现场处理", List.of(), NOW);
            case ESCALATE -> c.escalate(actor, "本级无法解决", List.of(), NOW);
            case REGISTER -> c.register(actor, "受理", NOW, DEADLINES);
            case REJECT -> c.reject(actor, "不属于受理范围", NOW);
            case MERGE -> c.mergeInto(actor, lead, null, NOW);
            case DISPATCH -> c.dispatch(actor, DEPARTMENT, null, "请处理", NOW);
            case PARK -> c.park(actor, "暂不具备解决条件", NOW);
            case RESUME -> c.resume(actor, "恢复", NOW, DEADLINES);
            case TRANSFER -> c.transfer(actor, "涉嫌违法", "滕州市公安局木石派出所", NOW);
            case ACCEPT -> c.accept(actor, null, NOW);
            case RETURN -> c.returnToDispatcher(actor, "不属本部门职责", NOW);
            case RESOLVE -> c.resolve(actor, "已办结", List.of(), NOW);
            case VERIFY -> c.verify(actor, "属实", List.of(), NOW);
            case REOPEN -> c.reopen(actor, "核查未通过", NOW, DEADLINES);
            case CLOSE -> c.close(actor, null, NOW);
            case REVISIT -> c.revisit(actor, Satisfaction.SATISFIED, null, NOW, DEADLINES);
        }
    }

    @Test
    void everyAllowedMoveLeadsWhereTheSpecSaysAndEveryOtherMoveIsRefusedWithoutChange() {
        Map<Key, CaseState> spec = spec();
        int allowed = 0;
        int refusedState = 0;
        int refusedRole = 0;
        List<String> mismatches = new ArrayList<>();
        for (CaseAction action : CaseAction.values()) {
            for (CaseState state : CaseState.values()) {
                for (Tier tier : Tier.values()) {
                    boolean anyRole = ROLES.stream().anyMatch(r -> spec.containsKey(new Key(action, state, tier, r)));
                    for (String role : ROLES) {
                        CaseFile c = caseAt(state, tier);
                        CaseState expected = spec.get(new Key(action, state, tier, role));
                        try {
                            act(c, action, actor(role));
                            if (expected == null) {
                                mismatches.add("allowed but should be refused: " + action + " " + state + "/" + tier + " by " + role);
                            } else if (c.state() != expected) {
                                mismatches.add(action + " " + state + "/" + tier + " by " + role + " led to " + c.state()
                                        + " instead of " + expected);
                            } else {
                                allowed++;
                                assertThat(c.drainHistory()).as("one history entry per move").hasSize(1);
                                assertThat(c.drainEvents()).as("an event per move").isNotEmpty();
                            }
                        } catch (DomainException e) {
                            if (expected != null) {
                                mismatches.add("refused but should be allowed: " + action + " " + state + "/" + tier
                                        + " by " + role + " (" + e.messageKey() + ")");
                                continue;
                            }
                            DomainException.Kind kind = anyRole ? DomainException.Kind.FORBIDDEN : DomainException.Kind.CONFLICT;
                            if (e.kind() != kind) {
                                mismatches.add(action + " " + state + "/" + tier + " by " + role + " refused as " + e.kind()
                                        + " instead of " + kind);
                            }
                            if (kind == DomainException.Kind.FORBIDDEN) {
                                refusedRole++;
                            } else {
                                refusedState++;
                            }
                            assertThat(c.state()).as("a refused move changes nothing").isEqualTo(state);
                            assertThat(c.drainHistory()).isEmpty();
                            assertThat(c.drainEvents()).isEmpty();
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        int combinations = CaseAction.values().length * CaseState.values().length * Tier.values().length * ROLES.size();
        assertThat(allowed + refusedState + refusedRole).isEqualTo(combinations);
        assertThat(allowed).isEqualTo(spec.size());
    }

    @Test
    void anIllegalMoveNamesTheCurrentStateAndTheActionsPossibleNow() {
        CaseFile c = caseAt(CaseState.DISPATCHED, Tier.TOWN);
        assertThatThrownBy(() -> c.close(actor(Roles.DISPATCHER), null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.args()).containsExactly("已派遣", "镇街", "结案", "移送、签收、回退");
                });
    }

    @Test
    void aHandlerOfAnotherDepartmentCannotSignForTheCase() {
        CaseFile c = caseAt(CaseState.DISPATCHED, Tier.TOWN);
        Actor other = new Actor(51L, "别的部门", Set.of(Roles.HANDLER), 99L);
        assertThatThrownBy(() -> c.accept(other, null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("case.department.not-own"));
        assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void escalationClimbsOneTierAtATimeAndKeepsThePath() {
        CaseFile c = caseAt(CaseState.REPORTED, Tier.GRID);
        c.escalate(actor(Roles.GRID_WORKER), "网格调解不成", List.of(), NOW);
        assertThat(c.tier()).isEqualTo(Tier.VILLAGE);
        c.escalate(actor(Roles.VILLAGE_CADRE), "村调委会调解不成", List.of(), NOW);
        assertThat(c.tier()).isEqualTo(Tier.TOWN);
        c.register(actor(Roles.DISPATCHER), null, NOW, DEADLINES);
        assertThat(c.tierPath()).isEqualTo("GRID,VILLAGE,TOWN");
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
    }

    @Test
    void aFirstUnsatisfiedRevisitReopensTheCaseAndASecondGoesToTheLeader() {
        CaseFile c = caseAt(CaseState.CLOSED, Tier.TOWN);
        c.revisit(actor(Roles.CITIZEN), Satisfaction.UNSATISFIED, "没修好", NOW, DEADLINES);
        assertThat(c.state()).isEqualTo(CaseState.REOPENED);
        assertThat(c.reworkCount()).isEqualTo(1);
        CaseFile again = CaseFile.restore(1L, c.intake(), CaseState.CLOSED, Tier.TOWN, "TOWN", Tier.TOWN, DEPARTMENT,
                null, null, 1, 1, Satisfaction.UNSATISFIED, "已修", NOW, NOW, null, null, null, null, 9L, SLA);
        again.revisit(actor(Roles.DISPATCHER), Satisfaction.UNSATISFIED, "仍不满意", NOW, DEADLINES);
        assertThat(again.state()).isEqualTo(CaseState.REVISITED);
        assertThat(again.drainEvents()).anySatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(cn.huying.cases.CaseEvent.CaseRevisited.class, r -> assertThat(r.needsLeader()).isTrue()));
    }

    @Test
    void aCitizenMayRateOnlyTheirOwnRequest() {
        CaseFile c = caseAt(CaseState.CLOSED, Tier.TOWN);
        Actor stranger = new Actor(4242L, "路人", Set.of(Roles.CITIZEN), null);
        assertThatThrownBy(() -> c.revisit(stranger, Satisfaction.SATISFIED, null, NOW, DEADLINES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void reasonsAreRequiredWhereTheCitizenOrTheCommandCentreMustBeTold() {
        CaseFile c = caseAt(CaseState.REGISTERED, Tier.TOWN);
        assertThatThrownBy(() -> c.reject(actor(Roles.DISPATCHER), " ", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
    }
}
