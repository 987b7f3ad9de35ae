package cn.huying.patrol.internal;

import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import cn.huying.patrol.PatrolPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grid workers record; cadres, the command centre and leaders look (per grid, never a ranking of people). */
@Configuration(proxyBeanMethods = false)
class PatrolGrants {

    @Bean
    RoleGrant patrolGridWorker() {
        return RoleGrant.of(Roles.GRID_WORKER, "网格员", PatrolPermissions.RECORD, PatrolPermissions.VIEW);
    }

    @Bean
    RoleGrant patrolCadre() {
        return RoleGrant.of(Roles.VILLAGE_CADRE, "村居干部", PatrolPermissions.RECORD, PatrolPermissions.VIEW);
    }

    @Bean
    RoleGrant patrolDispatcher() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心派遣员", PatrolPermissions.VIEW, PatrolPermissions.CONFIG);
    }

    @Bean
    RoleGrant patrolLeader() {
        return RoleGrant.of(Roles.LEADER, "领导", PatrolPermissions.VIEW);
    }

    @Bean
    RoleGrant patrolAdmin() {
        return RoleGrant.of(Roles.ADMIN, "管理员", PatrolPermissions.VIEW, PatrolPermissions.CONFIG);
    }
}
