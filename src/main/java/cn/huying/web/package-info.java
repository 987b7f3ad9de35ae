/**
 * Layout, shared page fragments, the home page, error pages and the global RFC 9457
 * ProblemDetail advice for the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = {"identity", "shared"})
package cn.huying.web;
