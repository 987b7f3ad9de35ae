package cn.huying.identity.web;

import cn.huying.identity.Roles;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity module's administration links (order 820–829). */
@Configuration(proxyBeanMethods = false)
class IdentityShell {

    @Bean
    NavItem navUsers() {
        return new NavItem(NavItem.ADMIN, "/admin/users", "nav.admin.users", 820, v -> v.hasRole(Roles.ADMIN));
    }

    @Bean
    NavItem navApiKeys() {
        return new NavItem(NavItem.ADMIN, "/admin/api-keys", "nav.admin.api-keys", 822, v -> v.hasRole(Roles.ADMIN));
    }
}
