package cn.huying.residents.web;

import cn.huying.identity.Roles;
import cn.huying.residents.ResidentPermissions;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's link (order 255) for village and town staff; the grid worker finds it from the phone hub. */
@Configuration(proxyBeanMethods = false)
class ResidentsShell {

    @Bean
    NavItem navResidents() {
        return new NavItem(NavItem.WORK, "/residents", "nav.residents", 255,
                v -> v.can(ResidentPermissions.VIEW) && !v.hasRole(Roles.GRID_WORKER));
    }
}
