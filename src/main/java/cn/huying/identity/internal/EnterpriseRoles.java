package cn.huying.identity.internal;

import cn.huying.identity.Permissions;
import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roles of the enterprise registry: the enterprise's member account and the finance office that approves it. */
@Configuration(proxyBeanMethods = false)
class EnterpriseRoles {

    @Bean
    RoleGrant enterpriseRole() {
        return RoleGrant.of(Roles.ENTERPRISE, "企业");
    }

    @Bean
    RoleGrant financeOfficeEnterprises() {
        return RoleGrant.of(Roles.FINANCE_OFFICE, "金融办", Permissions.ENTERPRISE_VIEW, Permissions.ENTERPRISE_APPROVE);
    }

    @Bean
    RoleGrant adminEnterprises() {
        return RoleGrant.of(Roles.ADMIN, "系统管理员", Permissions.ENTERPRISE_VIEW);
    }
}
