package cn.huying.identity;

/** Role codes 角色 (table {@code role}); what each may do lives in {@code role_permission}. */
public final class Roles {

    /** 网格员 — patrols a grid, reports from the phone, resolves small matters on the spot. */
    public static final String GRID_WORKER = "GRID_WORKER";
    /** 村居干部 — village or community cadre, takes what the grids escalate. */
    public static final String VILLAGE_CADRE = "VILLAGE_CADRE";
    /** 指挥中心派遣员 — town command centre: registers, dispatches, verifies, closes. */
    public static final String DISPATCHER = "DISPATCHER";
    /** 部门承办人 — department handler. */
    public static final String HANDLER = "HANDLER";
    /** 调解员 — mediator. */
    public static final String MEDIATOR = "MEDIATOR";
    /** 领导 — leader: dashboards, supervision, approvals. */
    public static final String LEADER = "LEADER";
    public static final String ADMIN = "ADMIN";
    /** 群众 — citizen. */
    public static final String CITIZEN = "CITIZEN";
    /** 对接系统 — an outside system (12345 hotline, Open311 client) using an API key. */
    public static final String SYSTEM = "SYSTEM";

    /** 企业 — the member account of a registered enterprise (see {@link Enterprises}). */
    public static final String ENTERPRISE = "ENTERPRISE";
    /** 金融办 — the finance office (工作专班), operator of the industry–finance platform; approves enterprises. */
    public static final String FINANCE_OFFICE = "FINANCE_OFFICE";

    private Roles() {
    }
}
