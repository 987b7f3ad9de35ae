package cn.huying.finance.internal;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.FinanceRoles;
import cn.huying.identity.Permissions;
import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The finance module's roles and permissions. */
@Configuration(proxyBeanMethods = false)
class FinanceRoleGrants {

    @Bean
    RoleGrant financeEnterprise() {
        return RoleGrant.of(Roles.ENTERPRISE, "企业", FinancePermissions.ENTERPRISE);
    }

    @Bean
    RoleGrant financeBank() {
        return RoleGrant.of(FinanceRoles.BANK, "银行", FinancePermissions.BANK, FinancePermissions.STATS);
    }

    @Bean
    RoleGrant financeOffice() {
        return RoleGrant.of(Roles.FINANCE_OFFICE, "金融办", FinancePermissions.OFFICE, FinancePermissions.STATS,
                Permissions.ENTERPRISE_VIEW, Permissions.ENTERPRISE_APPROVE);
    }
}
