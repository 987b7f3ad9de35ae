package cn.huying.cases.web;

import cn.huying.cases.CasePermissions;
import cn.huying.identity.Roles;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.NavItem;
import cn.huying.shared.Viewer;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the cases module adds to the shell: its links (order 100–199, admin 830–849) and its home cards. The work
 * queues, ledgers, overview and map are analytics' (its {@code CaseBoardShell} keeps their places in the bar).
 */
@Configuration(proxyBeanMethods = false)
class CasesShell {

    @Bean
    NavItem navReport() {
        return new NavItem(NavItem.WORK, "/m/report", "nav.report", 110, v -> v.hasRole(Roles.GRID_WORKER));
    }

    @Bean
    NavItem navApprovals() {
        return NavItem.work("/approvals", "nav.approvals", 150, CasePermissions.EXTENSION_APPROVE);
    }

    @Bean
    NavItem navRevisits() {
        return new NavItem(NavItem.WORK, "/revisits", "nav.revisits", 165,
                v -> v.can("case:revisit") && v.can(CasePermissions.LEDGER_VIEW));
    }

    @Bean
    NavItem navSupervision() {
        return new NavItem(NavItem.WORK, "/supervision", "nav.supervision", 170,
                v -> v.can(CasePermissions.SUPERVISION_VIEW) && !v.hasRole(Roles.ADMIN));
    }

    @Bean
    NavItem navSearch() {
        return new NavItem(NavItem.WORK, "/cases", "nav.search", 195,
                v -> v.can(CasePermissions.VIEW) && !v.hasRole(Roles.CITIZEN));
    }

    @Bean
    NavItem navPortal() {
        return new NavItem(NavItem.WORK, "/portal", "nav.portal", 990, v -> v.hasRole(Roles.CITIZEN));
    }

    @Bean
    NavItem navHistoryChecks() {
        return new NavItem(NavItem.ADMIN, "/admin/history-checks", "nav.admin.history-checks", 835,
                v -> v.can(cn.huying.cases.CasePermissions.HISTORY_VERIFY));
    }

    @Bean
    NavItem navCategories() {
        return new NavItem(NavItem.ADMIN, "/admin/categories", "nav.admin.categories", 830, v -> v.hasRole(Roles.ADMIN));
    }

    @Bean
    NavItem navRules() {
        return NavItem.admin("/admin/time-limit-rules", "nav.admin.rules", 840, CasePermissions.RULE_EDIT);
    }

    /** The grid worker's two big buttons, first on the phone. */
    @Bean
    HomeWidget phoneButtons() {
        return widget("phone", 10, v -> v.hasRole(Roles.GRID_WORKER), "cases/widgets :: phone", v -> Map.of());
    }

    @Bean
    HomeWidget leaderButtons() {
        return widget("leader", 150, v -> v.hasRole(Roles.LEADER), "cases/widgets :: leader", v -> Map.of());
    }

    @Bean
    HomeWidget citizenButtons() {
        return widget("citizen", 190, v -> v.hasRole(Roles.CITIZEN), "cases/widgets :: citizen", v -> Map.of());
    }

    private static HomeWidget widget(String id, int order, Predicate<Viewer> visible, String fragment,
                                     Function<Viewer, Map<String, Object>> model) {
        return HomeWidget.of(id, order, visible, fragment, model);
    }
}
