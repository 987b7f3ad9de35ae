package cn.huying.residents.internal;

import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import cn.huying.residents.ResidentPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what in the registry; what they see is their scope (grid worker: grid, cadre: village, town staff:
 * the town). The full ID number is for those who work with the people (grid worker, cadre, command centre),
 * erasure for the command centre and administrators, the leader sees masked lists and counts.
 */
@Configuration(proxyBeanMethods = false)
class ResidentGrants {

    @Bean
    RoleGrant residentsGridWorker() {
        return RoleGrant.of(Roles.GRID_WORKER, "网格员", ResidentPermissions.VIEW, ResidentPermissions.EDIT,
                ResidentPermissions.PII);
    }

    @Bean
    RoleGrant residentsCadre() {
        return RoleGrant.of(Roles.VILLAGE_CADRE, "村居干部", ResidentPermissions.VIEW, ResidentPermissions.EDIT,
                ResidentPermissions.PII, ResidentPermissions.IMPORT);
    }

    @Bean
    RoleGrant residentsDispatcher() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心派遣员", ResidentPermissions.VIEW, ResidentPermissions.EDIT,
                ResidentPermissions.PII, ResidentPermissions.IMPORT, ResidentPermissions.ERASE);
    }

    @Bean
    RoleGrant residentsLeader() {
        return RoleGrant.of(Roles.LEADER, "领导", ResidentPermissions.VIEW);
    }

    @Bean
    RoleGrant residentsAdmin() {
        return RoleGrant.of(Roles.ADMIN, "管理员", ResidentPermissions.VIEW, ResidentPermissions.EDIT,
                ResidentPermissions.PII, ResidentPermissions.IMPORT, ResidentPermissions.ERASE);
    }
}
