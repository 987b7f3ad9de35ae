/**
 * Notifications 消息提醒: an in-app inbox per user (new work, deadline warnings, supervision orders,
 * approvals) fed by the case events, and an SMS gateway interface whose default only logs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"cases", "identity", "shared"})
package cn.huying.notify;
