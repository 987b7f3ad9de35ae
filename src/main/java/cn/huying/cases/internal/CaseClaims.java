package cn.huying.cases.internal;

import cn.huying.cases.CaseHandOff;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_claim} rows of the case hand-off ({@link CaseHandOff}); cases' own table. */
@Repository
public class CaseClaims {

    /** An open claim with the case's own deadline as it stood when claimed. */
    record Open(CaseHandOff.Claim claim, long id, Instant ownDueAt) {
    }

    private final JdbcClient jdbc;

    CaseClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Open> open(long caseId) {
        return jdbc.sql("""
                SELECT k.id, k.case_id, f.code, k.module, k.reference, k.organisation, k.claimed_at, k.claimed_by,
                       k.own_due_at
                FROM case_claim k JOIN case_file f ON f.id = k.case_id
                WHERE k.case_id = ? AND k.ended_at IS NULL""")
                .param(caseId)
                .query((rs, n) -> new Open(new CaseHandOff.Claim(rs.getLong("case_id"), rs.getString("code"),
                        rs.getString("module"), rs.getString("reference"), rs.getString("organisation"),
                        CaseRows.instant(rs, "claimed_at"), rs.getLong("claimed_by"), null, null),
                        rs.getLong("id"), CaseRows.instant(rs, "own_due_at")))
                .optional();
    }

    void insert(long caseId, String module, String reference, String organisation, Instant at, long by,
                Instant ownDueAt) {
        jdbc.sql("""
                INSERT INTO case_claim (case_id, module, reference, organisation, claimed_at, claimed_by, own_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, module, reference, organisation, CaseRows.utc(at), by, CaseRows.utc(ownDueAt))
                .update();
    }

    void end(long claimId, String outcome, Instant at) {
        jdbc.sql("UPDATE case_claim SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL")
                .params(CaseRows.utc(at), outcome, claimId).update();
    }

    /**
     * Refuses a person's action on a claimed case: 409 “该事件正由调解组织办理”. Viewing, the first contact and
     * staged progress do not come here.
     */
    void refuseWhileClaimed(long caseId, String what) {
        Optional<Open> open = open(caseId);
        if (open.isPresent()) {
            throw DomainException.conflict("case.handoff.claimed", open.get().claim().organisation(), what);
        }
    }

    /** Of these cases, those claimed now (for a list's buttons). */
    java.util.Set<Long> claimedAmong(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Set.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(caseIds.size(), "?"));
        return new java.util.HashSet<>(jdbc.sql("SELECT case_id FROM case_claim WHERE ended_at IS NULL AND case_id IN ("
                + marks + ")").params(new java.util.ArrayList<Object>(caseIds)).query(Long.class).list());
    }

    boolean claimed(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_claim WHERE case_id = ? AND ended_at IS NULL").param(caseId)
                .query(Long.class).single() > 0;
    }
}
