package cn.huying.region.web;

import cn.huying.identity.Roles;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The region module's administration links (order 810–819). */
@Configuration(proxyBeanMethods = false)
class RegionShell {

    @Bean
    NavItem navRegions() {
        return new NavItem(NavItem.ADMIN, "/admin/regions", "nav.admin.regions", 810, v -> v.hasRole(Roles.ADMIN));
    }

    @Bean
    NavItem navDepartments() {
        return new NavItem(NavItem.ADMIN, "/admin/departments", "nav.admin.departments", 811, v -> v.hasRole(Roles.ADMIN));
    }
}
