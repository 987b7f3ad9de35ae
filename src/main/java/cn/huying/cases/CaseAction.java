package cn.huying.cases;

import java.util.Locale;

/** The verbs of a case; each is one {@code POST /api/cases/{id}/{action}}. */
public enum CaseAction {
    /** 即办 — the grid worker resolves it on the spot. */
    RESOLVE_ON_SPOT("resolve-on-spot", "就地办结", true),
    /** 升级 — to the next tier. */
    ESCALATE("escalate", "上报升级", true),
    /** 立案/受理 */
    REGISTER("register", "立案受理", false),
    /** 不予受理 */
    REJECT("reject", "不予受理", true),
    /** 派遣 */
    DISPATCH("dispatch", "派遣", false),
    /** 签收 */
    ACCEPT("accept", "签收", false),
    /** 回退 */
    RETURN("return", "回退", true),
    /** 办理答复 */
    RESOLVE("resolve", "办理答复", true),
    /** 核查 */
    VERIFY("verify", "核查", false),
    /** 结案 */
    CLOSE("close", "结案", false),
    /** 重办 */
    REOPEN("reopen", "重办", true),
    /** 合并重复件 */
    MERGE("merge", "合并", false),
    /** 移送 */
    TRANSFER("transfer", "移送", true),
    /** 挂账 */
    PARK("park", "挂账", true),
    /** 恢复办理 — a parked case resumes. */
    RESUME("resume", "恢复办理", false),
    /** 回访评价 */
    REVISIT("revisit", "回访评价", false);

    private final String path;
    private final String permission;
    private final String label;
    private final boolean noteRequired;

    CaseAction(String path, String label, boolean noteRequired) {
        this.path = path;
        this.permission = "case:" + path;
        this.label = label;
        this.noteRequired = noteRequired;
    }

    /**
     * Whether the action's note is required: a reason (reject, return, escalate, park, transfer, reopen) or the
     * answer (resolve, resolve-on-spot). The case refuses the action without it; the page marks the field.
     */
    public boolean noteRequired() {
        return noteRequired;
    }

    /** The action's name in the URL, e.g. {@code resolve-on-spot}. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** The permission string that grants this action, e.g. {@code case:dispatch}. */
    public String permission() {
        return permission;
    }

    public static CaseAction fromPath(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        for (CaseAction a : values()) {
            if (a.path.equals(p)) {
                return a;
            }
        }
        return null;
    }
}
