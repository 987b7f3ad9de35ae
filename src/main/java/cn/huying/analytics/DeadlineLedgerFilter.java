package cn.huying.analytics;

import cn.huying.cases.CaseKind;

/**
 * What a deadline ledger screen (超期, 问题, 黄灯, 红灯台账) filters by; every part may be null.
 *
 * @param departmentId the handling department
 * @param kind         the kind of case
 * @param q            a case code, or words of the title
 */
public record DeadlineLedgerFilter(Long departmentId, CaseKind kind, String q) {

    public DeadlineLedgerFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > 100) {
            q = q.substring(0, 100);
        }
    }

    public static DeadlineLedgerFilter none() {
        return new DeadlineLedgerFilter(null, null, null);
    }

    public boolean isEmpty() {
        return departmentId == null && kind == null && q == null;
    }
}
