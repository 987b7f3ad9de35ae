package cn.huying.analytics.web;

import cn.huying.analytics.AnalyticsPermissions;
import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Analytics' links (orders 320–349) and its grants to the existing roles. */
@Configuration(proxyBeanMethods = false)
class AnalyticsShell {

    @Bean
    NavItem analyticsNavDashboard() {
        return NavItem.work("/analytics", "nav.analytics.dashboard", 320, AnalyticsPermissions.VIEW);
    }

    @Bean
    NavItem analyticsNavHot() {
        return NavItem.work("/analytics/hot", "nav.analytics.hot", 325, AnalyticsPermissions.VIEW);
    }

    @Bean
    NavItem analyticsNavReports() {
        return NavItem.work("/analytics/reports", "nav.analytics.reports", 330, AnalyticsPermissions.VIEW);
    }

    @Bean
    NavItem analyticsNavLedgers() {
        return NavItem.work("/analytics/ledgers", "nav.analytics.ledgers", 340, AnalyticsPermissions.VIEW);
    }

    @Bean
    RoleGrant analyticsLeader() {
        return RoleGrant.of(Roles.LEADER, "领导", AnalyticsPermissions.VIEW, AnalyticsPermissions.REPORT);
    }

    @Bean
    RoleGrant analyticsDispatcher() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心派遣员", AnalyticsPermissions.VIEW, AnalyticsPermissions.REPORT);
    }

    @Bean
    RoleGrant analyticsAdmin() {
        return RoleGrant.of(Roles.ADMIN, "系统管理员", AnalyticsPermissions.VIEW, AnalyticsPermissions.REPORT);
    }
}
