package cn.huying.cases;

import cn.huying.identity.CurrentUser;
import java.time.Instant;
import java.util.Optional;

/**
 * 移交办理 — the case hand-off: another module (e.g. mediation) takes over the handling of an open case and
 * answers back. A claimed case is {@link CaseState#ACCEPTED}, signed for on the claiming module's behalf, and has
 * an open {@link Claim}. While claimed its completion and tier clocks stand still (a hotline's own deadline keeps
 * running), people may still view it, record the first contact and staged progress, and every other action is
 * refused with 409 “该事件正由调解组织办理”. The module reports {@link #progress}, and ends the claim with
 * {@link #resolve} (ACCEPTED → RESOLVED; the command centre verifies and closes as usual) or {@link #decline}
 * (back to the command centre, RETURNED). Every step writes the case's history. The calling module checks its own
 * permissions; these methods check the case's state and the claim.
 */
public interface CaseHandOff {

    /**
     * One claim of a case by a module.
     *
     * @param outcome null while open; {@code RESOLVED} or {@code DECLINED} once ended
     */
    record Claim(long caseId, String caseCode, String module, String reference, String organisation,
                 Instant claimedAt, long claimedBy, Instant endedAt, String outcome) {

        public boolean open() {
            return endedAt == null;
        }
    }

    /**
     * Claims an open case (REPORTED/ESCALATED are registered first, then dispatched and signed for, as the transition
     * table allows): 409 if it is finished, resolved or already claimed.
     *
     * @param reference        the module's own record, e.g. the dispute's code
     * @param organisationName who handles it, shown in the case's history
     */
    CaseView claim(long caseId, String module, String reference, String organisationName, CurrentUser actor);

    /** 阶段性进展 reported by the module: a history entry, the progress time noted. */
    CaseView progress(long caseId, String module, String note, CurrentUser actor);

    /** The module's outcome: ACCEPTED → RESOLVED with this reply; the claim ends as RESOLVED. */
    CaseView resolve(long caseId, String module, String reply, CurrentUser actor);

    /** The module gives the case back: ACCEPTED → RETURNED with the reason; the clock runs again. */
    CaseView decline(long caseId, String module, String reason, CurrentUser actor);

    /** The open claim of a case, if any. */
    Optional<Claim> openClaim(long caseId);
}
