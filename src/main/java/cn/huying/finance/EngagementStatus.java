package cn.huying.finance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 对接状态 — one bank serving one need: ASSIGNED (分派, by the office) or TAKEN (抢单, by the bank) → CONTACTED
 * (首次联系) → APPLIED (申请) → UNDER_REVIEW (审批中) → APPROVED / REJECTED → CONTRACT_SIGNED (签约) → DISBURSED
 * (放款). LAPSED (超时释放): the bank missed its first-contact deadline and lost the slot. The table below is the
 * only way between states.
 */
public enum EngagementStatus {
    ASSIGNED, TAKEN, CONTACTED, APPLIED, UNDER_REVIEW, APPROVED, REJECTED, CONTRACT_SIGNED, DISBURSED, LAPSED;

    private static final Map<EngagementStatus, Set<EngagementStatus>> NEXT = Map.of(
            ASSIGNED, EnumSet.of(CONTACTED, LAPSED),
            TAKEN, EnumSet.of(CONTACTED, LAPSED),
            CONTACTED, EnumSet.of(APPLIED),
            APPLIED, EnumSet.of(UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(CONTRACT_SIGNED),
            CONTRACT_SIGNED, EnumSet.of(DISBURSED));

    /** Whether the table allows this step. */
    public boolean canMoveTo(EngagementStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** The states a bank may move to from here (LAPSED is the sweep's alone). */
    public Set<EngagementStatus> nextByBank() {
        Set<EngagementStatus> next = EnumSet.noneOf(EngagementStatus.class);
        next.addAll(NEXT.getOrDefault(this, Set.of()));
        next.remove(LAPSED);
        return next;
    }

    /** Whether the engagement holds one of the need's slots (it counts against the cap). */
    public boolean holdsSlot() {
        return this != LAPSED && this != REJECTED;
    }

    /** Waiting for the first contact: the deadline applies. */
    public boolean awaitingContact() {
        return this == ASSIGNED || this == TAKEN;
    }
}
