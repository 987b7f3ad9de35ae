package cn.huying.identity.internal;

/** Event types written to the audit log by this module. */
final class AuditEvents {
    static final String LOGIN_SUCCESS = "LOGIN_SUCCESS";
    static final String LOGIN_FAILURE = "LOGIN_FAILURE";
    static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    static final String TOKEN_ISSUED = "TOKEN_ISSUED";
    static final String TOKEN_REJECTED = "TOKEN_REJECTED";
    static final String APIKEY_REJECTED = "APIKEY_REJECTED";
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String ACCESS_DENIED = "ACCESS_DENIED";
    static final String APIKEY_ISSUED = "APIKEY_ISSUED";
    static final String APIKEY_REVOKED = "APIKEY_REVOKED";
    static final String USER_CREATED = "USER_CREATED";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    static final String ROLES_CHANGED = "ROLES_CHANGED";
    static final String USER_DISABLED = "USER_DISABLED";
    static final String USER_ENABLED = "USER_ENABLED";
    static final String TOKENS_REVOKED = "TOKENS_REVOKED";

    private AuditEvents() {
    }
}
