package cn.huying.patrol.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.patrol.PatrolPermissions;
import cn.huying.patrol.Patrols;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.NavItem;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grid work in the shell: the grid worker's phone hub (nav 250), the office view (nav 260) and a home card. */
@Configuration(proxyBeanMethods = false)
class PatrolShell {

    @Bean
    NavItem navGridWork() {
        return new NavItem(NavItem.WORK, "/m/grid", "nav.grid-work", 250, v -> v.hasRole(Roles.GRID_WORKER));
    }

    @Bean
    NavItem navPatrolOffice() {
        return new NavItem(NavItem.WORK, "/patrol", "nav.patrol", 260,
                v -> v.can(PatrolPermissions.VIEW) && !v.hasRole(Roles.GRID_WORKER));
    }

    /** The grid worker's card: who is due a visit, and the two buttons of the day. */
    @Bean
    HomeWidget gridWorkCard(Patrols patrols, CurrentUsers users) {
        return HomeWidget.of("grid-work", 200, v -> v.hasRole(Roles.GRID_WORKER) && v.can(PatrolPermissions.RECORD),
                "patrol/widgets :: card", v -> Map.of("due", patrols.due(0, users.require()).size()));
    }
}
