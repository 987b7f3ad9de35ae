package cn.huying.projects;

/** Role codes the module adds (created at start through its {@code RoleGrant} beans). */
public final class ProjectRoles {

    /** 项目专员 — the project officer of the investment promotion office. */
    public static final String PROJECT_OFFICER = "PROJECT_OFFICER";
    /** 评审专家 — an independent third-party expert. */
    public static final String EXPERT = "EXPERT";

    private ProjectRoles() {
    }
}
