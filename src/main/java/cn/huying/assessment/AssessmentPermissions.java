package cn.huying.assessment;

/** Permission strings 权限标识 of assessment, granted to roles through {@code RoleGrant} beans. */
public final class AssessmentPermissions {

    /** The rates and every grid's score in one's scope (leaders, dispatchers, administrators). */
    public static final String VIEW = "assessment:view";
    /** One's own monthly score 本人考核得分 (grid workers). */
    public static final String OWN_SCORE = "assessment:own-score";
    /** Confirm (freeze) a month, edit indicator versions, village targets, checklists and 三下降一提升 figures. */
    public static final String EDIT = "assessment:edit";

    private AssessmentPermissions() {
    }
}
