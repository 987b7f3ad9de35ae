package cn.huying.projects;

/** What may happen to a project's step and status; the transition table says from where. */
public enum ProjectAction {
    /** Complete the current step and enter the next. */
    COMPLETE_STEP("完成本步骤"),
    /** Complete 阳光验收, the last step: the project is done. */
    ACCEPT("验收完成"),
    /** 暂停 — with a reason. */
    SUSPEND("暂停"),
    /** 恢复 — with a reason. */
    RESUME("恢复"),
    /** 终止 — with a reason; nothing follows. */
    TERMINATE("终止");

    private final String label;

    ProjectAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
