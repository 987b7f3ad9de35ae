/**
 * Identity and access: users, roles, per-action permissions, data scope, login, tokens,
 * API keys and the audit log.
 *
 * <p>The module's API is this package: {@link cn.huying.identity.CurrentUser},
 * {@link cn.huying.identity.CurrentUsers}, {@link cn.huying.identity.RegionScope},
 * {@link cn.huying.identity.Permissions}, {@link cn.huying.identity.AuditLog},
 * {@link cn.huying.identity.UserAccounts} and the SPI {@link cn.huying.identity.RegionPathLookup}
 * that the region module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access", allowedDependencies = {"shared"})
package cn.huying.identity;
