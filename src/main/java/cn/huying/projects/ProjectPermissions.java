package cn.huying.projects;

/** Permission strings 权限标识 of 阳光推介, granted to roles by the module's {@code RoleGrant} beans. */
public final class ProjectPermissions {

    /** See the project resources and their records (staff). */
    public static final String VIEW = "projects:view";
    /** 项目专员 — create projects, move them through the steps, disclose, shortlist, invite experts, decide. */
    public static final String MANAGE = "projects:manage";
    /** 包联领导 — the responsible leader logs contacts with enterprises. */
    public static final String LEAD = "projects:lead";
    /** 评审专家 — declare conflicts of interest and score the shortlisted enterprises. */
    public static final String REVIEW = "projects:review";
    /** 企业 — see open projects and register interest. */
    public static final String INTEREST = "projects:interest";
    /** Statistics of the projects. */
    public static final String STATS = "projects:stats";

    private ProjectPermissions() {
    }
}
