package cn.huying.analytics;

/** Permission strings 权限标识 of analytics, granted to roles through {@code RoleGrant} beans. */
public final class AnalyticsPermissions {

    /** The dashboard, ledgers, statistics, hot issues and the weekly reports (leaders, dispatchers, administrators). */
    public static final String VIEW = "analytics:view";
    /** Generate a weekly report on demand. */
    public static final String REPORT = "analytics:report";

    private AnalyticsPermissions() {
    }
}
