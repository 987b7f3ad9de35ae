package cn.huying.cases;

/**
 * Permission strings 权限标识 of the cases module, and the {@code @PreAuthorize} expressions built from them
 * ({@code HAS_…}, compile-time constants, so an annotation names the constant, not a literal). The permission of
 * each case action is {@link CaseAction#permission()} ({@code case:<action path>}).
 */
public final class CasePermissions {

    public static final String VIEW = "case:view";
    public static final String REPORT = "case:report";
    public static final String VIEW_CONTACT = "case:view-contact";
    public static final String REVISIT = "case:revisit";
    public static final String EXTEND = "case:extend";
    public static final String FIRST_CONTACT = "case:first-contact";
    public static final String PROGRESS = "case:progress";
    public static final String EXTENSION_APPROVE = "extension:approve";
    public static final String LEDGER_VIEW = "ledger:view";
    public static final String SUPERVISION_VIEW = "supervision:view";
    public static final String SUPERVISION_OPEN = "supervision:open";
    public static final String SUPERVISION_ANSWER = "supervision:answer";
    public static final String SLA_SWEEP = "sla:sweep";
    public static final String RULE_EDIT = "rule:edit";
    public static final String CATEGORY_EDIT = "category:edit";
    /** 全程留痕核验: check the sealed history of cases (issue 30). */
    public static final String HISTORY_VERIFY = "history:verify";

    public static final String HAS_VIEW = "hasAuthority('" + VIEW + "')";
    public static final String HAS_REPORT = "hasAuthority('" + REPORT + "')";
    public static final String HAS_VIEW_CONTACT = "hasAuthority('" + VIEW_CONTACT + "')";
    public static final String HAS_EXTEND = "hasAuthority('" + EXTEND + "')";
    public static final String HAS_FIRST_CONTACT = "hasAuthority('" + FIRST_CONTACT + "')";
    public static final String HAS_PROGRESS = "hasAuthority('" + PROGRESS + "')";
    public static final String HAS_EXTENSION_APPROVE = "hasAuthority('" + EXTENSION_APPROVE + "')";
    public static final String HAS_SUPERVISION_VIEW = "hasAuthority('" + SUPERVISION_VIEW + "')";
    public static final String HAS_SUPERVISION_OPEN = "hasAuthority('" + SUPERVISION_OPEN + "')";
    public static final String HAS_SUPERVISION_ANSWER = "hasAuthority('" + SUPERVISION_ANSWER + "')";
    public static final String HAS_SLA_SWEEP = "hasAuthority('" + SLA_SWEEP + "')";
    public static final String HAS_RULE_EDIT = "hasAuthority('" + RULE_EDIT + "')";
    public static final String HAS_CATEGORY_EDIT = "hasAuthority('" + CATEGORY_EDIT + "')";
    public static final String HAS_LEDGER_OR_SUPERVISION_VIEW = "hasAnyAuthority('" + LEDGER_VIEW + "', '"
            + SUPERVISION_VIEW + "')";
    public static final String HAS_REVISIT_AND_LEDGER_VIEW = "hasAuthority('" + REVISIT + "') and hasAuthority('"
            + LEDGER_VIEW + "')";

    private CasePermissions() {
    }
}
