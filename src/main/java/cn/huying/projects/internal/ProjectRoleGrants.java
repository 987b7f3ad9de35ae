package cn.huying.projects.internal;

import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.ProjectRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roles of 阳光推介 and what each may do (identity creates new roles and adds missing grants at start). */
@Configuration(proxyBeanMethods = false)
class ProjectRoleGrants {

    @Bean
    RoleGrant projectOfficerGrant() {
        return RoleGrant.of(ProjectRoles.PROJECT_OFFICER, "项目专员", ProjectPermissions.VIEW, ProjectPermissions.MANAGE,
                ProjectPermissions.STATS);
    }

    /** 领导: the responsible leader 包联领导 of a project is a leader. */
    @Bean
    RoleGrant projectLeaderGrant() {
        return RoleGrant.of(Roles.LEADER, "领导", ProjectPermissions.VIEW, ProjectPermissions.LEAD,
                ProjectPermissions.STATS);
    }

    @Bean
    RoleGrant projectExpertGrant() {
        return RoleGrant.of(ProjectRoles.EXPERT, "评审专家", ProjectPermissions.REVIEW);
    }

    @Bean
    RoleGrant projectEnterpriseGrant() {
        return RoleGrant.of(Roles.ENTERPRISE, "企业", ProjectPermissions.INTEREST);
    }

    @Bean
    RoleGrant projectAdminGrant() {
        return RoleGrant.of(Roles.ADMIN, "管理员", ProjectPermissions.VIEW, ProjectPermissions.STATS);
    }
}
