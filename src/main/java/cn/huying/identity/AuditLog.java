package cn.huying.identity;

/**
 * The operation audit log 操作审计: logins, failures, refused accesses, administrative changes.
 * Entries are written in their own transaction, so a refusal is logged even when the
 * refused work rolls back.
 */
public interface AuditLog {

    /** Records an event for the current user (or anonymous). */
    void record(String eventType, String target, String detail);

    /** Records an event for a named user (e.g. a failed login). */
    void recordFor(String username, String eventType, String target, String detail);
}
