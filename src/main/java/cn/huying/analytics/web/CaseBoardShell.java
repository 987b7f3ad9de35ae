package cn.huying.analytics.web;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.CasePermissions;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.NavItem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The links and the home card of the case read side analytics took over from cases (issue 23): the work queues, the
 * deadline ledgers, the overview and the map. They keep the orders they had among the case links (110–199), so the
 * bar reads as before; analytics' own pages take 320–349.
 */
@Configuration(proxyBeanMethods = false)
class CaseBoardShell {

    @Bean
    NavItem navMyCases() {
        return new NavItem(NavItem.WORK, "/m/cases", "nav.my-cases", 111, v -> v.hasRole(Roles.GRID_WORKER));
    }

    @Bean
    NavItem navVillage() {
        return new NavItem(NavItem.WORK, "/work/VILLAGE_OPEN", "nav.village", 120, v -> v.hasRole(Roles.VILLAGE_CADRE));
    }

    @Bean
    NavItem navIntake() {
        return new NavItem(NavItem.WORK, "/work/TO_REGISTER", "nav.intake", 130, v -> v.hasRole(Roles.DISPATCHER));
    }

    @Bean
    NavItem navDispatch() {
        return new NavItem(NavItem.WORK, "/work/TO_DISPATCH", "nav.dispatch", 131, v -> v.hasRole(Roles.DISPATCHER));
    }

    @Bean
    NavItem navVerify() {
        return new NavItem(NavItem.WORK, "/work/TO_VERIFY", "nav.verify", 132, v -> v.hasRole(Roles.DISPATCHER));
    }

    @Bean
    NavItem navToSign() {
        return new NavItem(NavItem.WORK, "/work/TO_SIGN", "nav.to-sign", 140, v -> v.hasRole(Roles.HANDLER));
    }

    @Bean
    NavItem navToHandle() {
        return new NavItem(NavItem.WORK, "/work/TO_HANDLE", "nav.to-handle", 141, v -> v.hasRole(Roles.HANDLER));
    }

    @Bean
    NavItem navLedgers() {
        return new NavItem(NavItem.WORK, "/ledgers/overdue", "nav.ledgers", 160,
                v -> v.can(CasePermissions.LEDGER_VIEW) || v.can(CasePermissions.SUPERVISION_VIEW));
    }

    @Bean
    NavItem navOverview() {
        return new NavItem(NavItem.WORK, "/overview", "nav.overview", 180, v -> v.hasRole(Roles.LEADER));
    }

    @Bean
    NavItem navMap() {
        return new NavItem(NavItem.WORK, "/map", "nav.map", 190,
                v -> v.hasRole(Roles.DISPATCHER) || v.hasRole(Roles.LEADER));
    }

    /** The counts of the user's work queues, each a link to the queue, and the extensions waiting for them. */
    @Bean
    HomeWidget queueTiles(CaseBoard board, CurrentUsers users) {
        return HomeWidget.of("queues", 100, v -> v.can(CasePermissions.VIEW), "analytics/widgets :: queues", v -> {
            CurrentUser user = users.require();
            Map<String, Object> model = new HashMap<>();
            model.put("inbox", board.inbox(user));
            model.put("approvals", user.can(CasePermissions.EXTENSION_APPROVE) ? board.pendingApprovals(user) : null);
            return model;
        });
    }
}
