package cn.huying.assessment.web;

import cn.huying.assessment.AssessmentPermissions;
import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assessment's links (orders 300–319) and its grants to the existing roles. */
@Configuration(proxyBeanMethods = false)
class AssessmentShell {

    @Bean
    NavItem assessmentNavRates() {
        return NavItem.work("/assessment", "nav.assessment.rates", 300, AssessmentPermissions.VIEW);
    }

    @Bean
    NavItem assessmentNavGridScores() {
        return NavItem.work("/assessment/grids", "nav.assessment.grids", 305, AssessmentPermissions.VIEW);
    }

    @Bean
    NavItem assessmentNavVillages() {
        return NavItem.work("/assessment/villages", "nav.assessment.villages", 310, AssessmentPermissions.VIEW);
    }

    @Bean
    NavItem assessmentNavMyScore() {
        return NavItem.work("/m/score", "nav.assessment.my-score", 315, AssessmentPermissions.OWN_SCORE);
    }

    @Bean
    RoleGrant assessmentLeader() {
        return RoleGrant.of(Roles.LEADER, "领导", AssessmentPermissions.VIEW, AssessmentPermissions.EDIT);
    }

    @Bean
    RoleGrant assessmentAdmin() {
        return RoleGrant.of(Roles.ADMIN, "系统管理员", AssessmentPermissions.VIEW, AssessmentPermissions.EDIT);
    }

    @Bean
    RoleGrant assessmentDispatcher() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心派遣员", AssessmentPermissions.VIEW);
    }

    @Bean
    RoleGrant assessmentCadre() {
        return RoleGrant.of(Roles.VILLAGE_CADRE, "村居干部", AssessmentPermissions.VIEW);
    }

    @Bean
    RoleGrant assessmentGridWorker() {
        return RoleGrant.of(Roles.GRID_WORKER, "网格员", AssessmentPermissions.OWN_SCORE);
    }
}
