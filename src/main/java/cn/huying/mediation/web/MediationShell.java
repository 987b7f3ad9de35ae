package cn.huying.mediation.web;

import cn.huying.mediation.MediationPermissions;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mediation's links in the top bar (orders 200–249). */
@Configuration(proxyBeanMethods = false)
class MediationShell {

    @Bean
    NavItem mediationNavDisputes() {
        return NavItem.work("/mediation", "nav.mediation.disputes", 200, MediationPermissions.VIEW);
    }

    @Bean
    NavItem mediationNavIntake() {
        return NavItem.work("/mediation/intake", "nav.mediation.intake", 210, MediationPermissions.INTAKE);
    }

    @Bean
    NavItem mediationNavStats() {
        return NavItem.work("/mediation/stats", "nav.mediation.stats", 220, MediationPermissions.STATS);
    }
}
