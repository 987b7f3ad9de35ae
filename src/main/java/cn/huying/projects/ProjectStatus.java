package cn.huying.projects;

/** Where a project stands beside its step: moving, suspended (暂停), terminated (终止) or completed (已验收). */
public enum ProjectStatus {
    ACTIVE("推进中"), SUSPENDED("已暂停"), TERMINATED("已终止"), COMPLETED("已验收");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the project is still open (active or suspended). */
    public boolean open() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
