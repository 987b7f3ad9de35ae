package cn.huying.cases;

/** Permission strings 权限标识 of the cases module that the pages and the shell ask about. */
public final class CasePermissions {

    public static final String VIEW = "case:view";
    public static final String REPORT = "case:report";
    public static final String EXTENSION_APPROVE = "extension:approve";
    public static final String LEDGER_VIEW = "ledger:view";
    public static final String SUPERVISION_VIEW = "supervision:view";
    public static final String RULE_EDIT = "rule:edit";
    public static final String CATEGORY_EDIT = "category:edit";
    /** 全程留痕核验: check the sealed history of cases (issue 30). */
    public static final String HISTORY_VERIFY = "history:verify";

    private CasePermissions() {
    }
}
