package cn.huying.cases.internal;

import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Grants the cases module adds at start (identity's {@link RoleGrant}); the grants of the first versions are in
 * the core migrations.
 */
@Configuration(proxyBeanMethods = false)
class CaseRoleGrants {

    /** 移送: a department transfers a suspected offence it was given (the seed's 涉嫌违法案件移送). */
    @Bean
    RoleGrant handlerTransfers() {
        return RoleGrant.of(Roles.HANDLER, "部门承办人", "case:transfer");
    }

    /** 综合督办: leaders open supervision orders on cases in their scope; departments answer them. */
    @Bean
    RoleGrant leaderSupervises() {
        return RoleGrant.of(Roles.LEADER, "领导", "supervision:open");
    }

    @Bean
    RoleGrant handlerAnswersSupervision() {
        return RoleGrant.of(Roles.HANDLER, "部门承办人", "supervision:answer");
    }

    /** 回访: the command centre makes the revisits and sees the missed ones. */
    @Bean
    RoleGrant dispatcherRevisits() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心派遣员", "supervision:answer");
    }

    /** 全程留痕核验: the administrator checks that no case's history was changed in the database (issue 30). */
    @Bean
    RoleGrant adminVerifiesHistory() {
        return RoleGrant.of(Roles.ADMIN, "系统管理员", "history:verify");
    }
}
