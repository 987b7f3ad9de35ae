package cn.huying.identity;

/**
 * Per-action permission strings 权限标识. Roles grant them (table {@code role_permission});
 * endpoints check them with {@code @PreAuthorize("hasAuthority('…')")}.
 */
public final class Permissions {

    public static final String REGION_VIEW = "region:view";
    public static final String REGION_EDIT = "region:edit";
    public static final String DEPARTMENT_VIEW = "department:view";
    public static final String DEPARTMENT_EDIT = "department:edit";
    public static final String USER_VIEW = "user:view";
    public static final String USER_EDIT = "user:edit";
    public static final String APIKEY_MANAGE = "apikey:manage";
    public static final String AUDIT_VIEW = "audit:view";

    /** See the registered enterprises and their registrations ({@link Enterprises}). */
    public static final String ENTERPRISE_VIEW = "enterprise:view";
    /** Approve or reject an enterprise's registration (the finance office). */
    public static final String ENTERPRISE_APPROVE = "enterprise:approve";

    private Permissions() {
    }
}
