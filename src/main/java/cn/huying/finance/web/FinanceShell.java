package cn.huying.finance.web;

import cn.huying.finance.FinancePermissions;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The finance module's links (orders 400–449): one per role, and the public logistics zone for everyone. */
@Configuration(proxyBeanMethods = false)
class FinanceShell {

    @Bean
    NavItem navFinanceEnterprise() {
        return NavItem.work("/finance/enterprise", "nav.finance.enterprise", 400, FinancePermissions.ENTERPRISE);
    }

    @Bean
    NavItem navFinanceBank() {
        return NavItem.work("/finance/bank", "nav.finance.bank", 410, FinancePermissions.BANK);
    }

    @Bean
    NavItem navFinanceOffice() {
        return NavItem.work("/finance/office", "nav.finance.office", 420, FinancePermissions.OFFICE);
    }

    @Bean
    NavItem navFinanceZone() {
        return new NavItem(NavItem.WORK, "/public/finance", "nav.finance.zone", 440,
                v -> v.can(FinancePermissions.ENTERPRISE) || v.can(FinancePermissions.BANK) || v.can(FinancePermissions.OFFICE));
    }
}
