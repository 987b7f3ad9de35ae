/**
 * Operations: what an operator watches on a node — {@code /actuator/health} reports DOWN when the database cannot
 * write (internal.DatabaseWriteHealth). No API of its own; no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {})
package cn.huying.ops;
