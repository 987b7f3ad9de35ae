package cn.huying.cases.internal;

import static cn.huying.cases.CaseState.ACCEPTED;
import static cn.huying.cases.CaseState.CLOSED;
import static cn.huying.cases.CaseState.DISPATCHED;
import static cn.huying.cases.CaseState.ESCALATED;
import static cn.huying.cases.CaseState.MERGED;
import static cn.huying.cases.CaseState.PARKED;
import static cn.huying.cases.CaseState.REGISTERED;
import static cn.huying.cases.CaseState.REJECTED;
import static cn.huying.cases.CaseState.REOPENED;
import static cn.huying.cases.CaseState.REPORTED;
import static cn.huying.cases.CaseState.RESOLVED;
import static cn.huying.cases.CaseState.RETURNED;
import static cn.huying.cases.CaseState.REVISITED;
import static cn.huying.cases.CaseState.TRANSFERRED;
import static cn.huying.cases.CaseState.VERIFIED;
import static cn.huying.cases.Tier.GRID;
import static cn.huying.cases.Tier.TOWN;
import static cn.huying.cases.Tier.VILLAGE;
import static cn.huying.identity.Roles.CITIZEN;
import static cn.huying.identity.Roles.DISPATCHER;
import static cn.huying.identity.Roles.GRID_WORKER;
import static cn.huying.identity.Roles.HANDLER;
import static cn.huying.identity.Roles.VILLAGE_CADRE;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseState;
import cn.huying.cases.Tier;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one transition table of a case: for each action, the states and tiers it starts from, the
 * state it leads to and the roles that may take it. Nothing changes a case's state except a verb
 * of {@link CaseFile}, and every verb asks this table first.
 */
public final class TransitionTable {

    /**
     * One row.
     *
     * @param tiers     tiers the case must be at ({@code null}: any)
     * @param to        state after the action (a first 不满意 REVISIT leads to REOPENED instead: {@link #FOLLOW_ONS})
     * @param tierAfter tier after the action ({@code null}: unchanged; ESCALATE moves to the next tier)
     */
    public record Transition(CaseAction action, Set<CaseState> from, Set<Tier> tiers, CaseState to, Set<String> roles,
                             Tier tierAfter) {

        boolean startsFrom(CaseState state, Tier tier) {
            return from.contains(state) && (tiers == null || tiers.contains(tier));
        }

        /** Whether a user with any of these roles may take it. */
        boolean admits(Set<String> userRoles) {
            return !java.util.Collections.disjoint(userRoles, roles);
        }
    }

    private static final Set<Tier> ANY = null;

    private static Transition row(CaseAction action, Set<CaseState> from, Set<Tier> tiers, CaseState to,
                                  Set<String> roles, Tier tierAfter) {
        return new Transition(action, from, tiers, to, roles, tierAfter);
    }

    public static final List<Transition> ROWS = List.of(
            // 小事不出网格: the grid worker settles it on the spot, or sends it up to the village
            row(CaseAction.RESOLVE_ON_SPOT, EnumSet.of(REPORTED, REOPENED), EnumSet.of(GRID), RESOLVED,
                    Set.of(GRID_WORKER), null),
            row(CaseAction.ESCALATE, EnumSet.of(REPORTED, REOPENED), EnumSet.of(GRID), ESCALATED,
                    Set.of(GRID_WORKER), VILLAGE),
            // 大事不出村居: the village handles it, or sends it up to the town
            row(CaseAction.RESOLVE, EnumSet.of(ESCALATED, REPORTED, REOPENED), EnumSet.of(VILLAGE), RESOLVED,
                    Set.of(VILLAGE_CADRE), null),
            row(CaseAction.ESCALATE, EnumSet.of(ESCALATED, REPORTED, REOPENED), EnumSet.of(VILLAGE), ESCALATED,
                    Set.of(VILLAGE_CADRE), TOWN),
            // 难事不出镇域: the town command centre registers (taking it up from any tier) and dispatches
            row(CaseAction.REGISTER, EnumSet.of(REPORTED, ESCALATED, REOPENED), ANY, REGISTERED,
                    Set.of(DISPATCHER), TOWN),
            row(CaseAction.REJECT, EnumSet.of(REPORTED, ESCALATED, REGISTERED, RETURNED), ANY, REJECTED,
                    Set.of(DISPATCHER), null),
            row(CaseAction.MERGE, EnumSet.of(REPORTED, ESCALATED, REGISTERED), ANY, MERGED,
                    Set.of(DISPATCHER), null),
            row(CaseAction.DISPATCH, EnumSet.of(REGISTERED, RETURNED, REOPENED), EnumSet.of(TOWN), DISPATCHED,
                    Set.of(DISPATCHER), null),
            row(CaseAction.PARK, EnumSet.of(REGISTERED, RETURNED, ACCEPTED), EnumSet.of(TOWN), PARKED,
                    Set.of(DISPATCHER), null),
            row(CaseAction.RESUME, EnumSet.of(PARKED), EnumSet.of(TOWN), REGISTERED,
                    Set.of(DISPATCHER), null),
            row(CaseAction.TRANSFER, EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED, RETURNED), EnumSet.of(TOWN),
                    TRANSFERRED, Set.of(DISPATCHER), null),
            // the department that finds a suspected offence transfers it itself (涉嫌违法案件移送)
            row(CaseAction.TRANSFER, EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(TOWN), TRANSFERRED, Set.of(HANDLER), null),
            // the department: sign for it, answer it, or return it as out of scope
            row(CaseAction.ACCEPT, EnumSet.of(DISPATCHED), EnumSet.of(TOWN), ACCEPTED, Set.of(HANDLER), null),
            row(CaseAction.RETURN, EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(TOWN), RETURNED, Set.of(HANDLER), null),
            row(CaseAction.RESOLVE, EnumSet.of(ACCEPTED), EnumSet.of(TOWN), RESOLVED, Set.of(HANDLER), null),
            // verification and closing: the town for its cases, the village for cases settled in the village or grid
            row(CaseAction.VERIFY, EnumSet.of(RESOLVED), ANY, VERIFIED, Set.of(DISPATCHER), null),
            row(CaseAction.VERIFY, EnumSet.of(RESOLVED), EnumSet.of(GRID, VILLAGE), VERIFIED, Set.of(VILLAGE_CADRE), null),
            row(CaseAction.REOPEN, EnumSet.of(RESOLVED, VERIFIED), ANY, REOPENED, Set.of(DISPATCHER), null),
            row(CaseAction.REOPEN, EnumSet.of(RESOLVED, VERIFIED), EnumSet.of(GRID, VILLAGE), REOPENED,
                    Set.of(VILLAGE_CADRE), null),
            row(CaseAction.CLOSE, EnumSet.of(VERIFIED, TRANSFERRED), ANY, CLOSED, Set.of(DISPATCHER), null),
            row(CaseAction.CLOSE, EnumSet.of(VERIFIED), EnumSet.of(GRID, VILLAGE), CLOSED, Set.of(VILLAGE_CADRE), null),
            // 回访: the command centre calls the citizen, or the citizen rates it in the portal
            row(CaseAction.REVISIT, EnumSet.of(CLOSED), ANY, REVISITED, Set.of(DISPATCHER, CITIZEN), null));

    /**
     * Transitions that follow from a step instead of being asked for: the first 不满意 of a revisit reopens the case
     * for rework (重办), and closing a lead case makes each case merged into it follow (重复件随主件). They are not
     * actions of their own (no permission, never offered): the verb that causes them takes them.
     */
    public enum FollowOnKind { REWORK_ON_REVISIT, FOLLOW_LEAD }

    /** One follow-on transition: caused by {@code cause}, from these states to {@code to}. */
    public record FollowOn(FollowOnKind kind, CaseAction cause, Set<CaseState> from, CaseState to) {
    }

    public static final List<FollowOn> FOLLOW_ONS = List.of(
            new FollowOn(FollowOnKind.REWORK_ON_REVISIT, CaseAction.REVISIT, EnumSet.of(CLOSED), REOPENED),
            new FollowOn(FollowOnKind.FOLLOW_LEAD, CaseAction.CLOSE, EnumSet.of(MERGED), MERGED));

    private TransitionTable() {
    }

    /** The follow-on transition of this kind from this state; 409 if the case is not in a state it starts from. */
    static FollowOn followOn(FollowOnKind kind, CaseState state) {
        for (FollowOn f : FOLLOW_ONS) {
            if (f.kind() == kind && f.from().contains(state)) {
                return f;
            }
        }
        throw cn.huying.shared.DomainException.conflict("case.transition.illegal", state.label(), "", kind.name(), "无");
    }

    /**
     * The row that lets this actor take the action now: 409 naming the actions possible now if the action does not
     * start from this state and tier at all, 403 if it does but not for the actor's roles.
     */
    static Transition guard(CaseAction action, CaseState state, Tier tier, Set<String> roles) {
        if (!possible(action, state, tier)) {
            String allowed = possibleActions(state, tier).stream().map(CaseAction::label)
                    .collect(java.util.stream.Collectors.joining("、"));
            throw cn.huying.shared.DomainException.conflict("case.transition.illegal", state.label(), tier.label(),
                    action.label(), allowed.isEmpty() ? "无" : allowed);
        }
        return find(action, state, tier, roles).orElseThrow(() -> cn.huying.shared.DomainException.forbidden(
                "case.transition.role", action.label(), state.label(), tier.label()));
    }

    /** The row that lets a user with these roles take the action now, if any. */
    public static Optional<Transition> find(CaseAction action, CaseState state, Tier tier, Set<String> roles) {
        for (Transition t : ROWS) {
            if (t.action() == action && t.startsFrom(state, tier) && t.admits(roles)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the action can start from this state and tier for anyone at all. */
    public static boolean possible(CaseAction action, CaseState state, Tier tier) {
        return ROWS.stream().anyMatch(t -> t.action() == action && t.startsFrom(state, tier));
    }

    /** Actions anyone may take from this state and tier, in table order. */
    public static Set<CaseAction> possibleActions(CaseState state, Tier tier) {
        Set<CaseAction> out = new LinkedHashSet<>();
        ROWS.stream().filter(t -> t.startsFrom(state, tier)).forEach(t -> out.add(t.action()));
        return out;
    }

    /** Actions a user with these roles may take from this state and tier. */
    public static Set<CaseAction> allowedActions(CaseState state, Tier tier, Set<String> roles) {
        Set<CaseAction> out = new LinkedHashSet<>();
        for (Transition t : ROWS) {
            if (t.startsFrom(state, tier) && t.admits(roles)) {
                out.add(t.action());
            }
        }
        return out;
    }
}
