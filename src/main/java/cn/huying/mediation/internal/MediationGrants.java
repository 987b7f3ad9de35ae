package cn.huying.mediation.internal;

import static cn.huying.mediation.MediationPermissions.HANDLE;
import static cn.huying.mediation.MediationPermissions.INTAKE;
import static cn.huying.mediation.MediationPermissions.LEDGER;
import static cn.huying.mediation.MediationPermissions.PARTY_VIEW;
import static cn.huying.mediation.MediationPermissions.STATS;
import static cn.huying.mediation.MediationPermissions.VIEW;
import static cn.huying.mediation.MediationPermissions.VIEW_ALL;

import cn.huying.cases.CasePermissions;
import cn.huying.identity.RoleGrant;
import cn.huying.identity.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what in mediation. The mediator 调解员 sees the disputes of their own organisation and those they are
 * invited to (never every case of the town: V100 takes back the case:view the role had), mediates, and may open the
 * parties' full data (audited). The centre's staff 综治中心 (a role of this module) take disputes in, assign them to a
 * level and see all in their scope; the command centre and village cadres hand dispute cases over; the leader reads
 * the ledger and statistics.
 */
@Configuration(proxyBeanMethods = false)
class MediationGrants {

    static final String CENTRE = "MEDIATION_CENTRE";

    @Bean
    RoleGrant mediationMediatorGrant() {
        return RoleGrant.of(Roles.MEDIATOR, "调解员", VIEW, HANDLE, PARTY_VIEW, LEDGER);
    }

    @Bean
    RoleGrant mediationCentreGrant() {
        return RoleGrant.of(CENTRE, "综治中心调解受理", VIEW, VIEW_ALL, INTAKE, HANDLE, PARTY_VIEW, LEDGER, STATS,
                CasePermissions.VIEW, CasePermissions.REPORT, "region:view", "department:view");
    }

    @Bean
    RoleGrant mediationDispatcherGrant() {
        return RoleGrant.of(Roles.DISPATCHER, "指挥中心调度员", VIEW, VIEW_ALL, INTAKE, LEDGER, STATS);
    }

    @Bean
    RoleGrant mediationCadreGrant() {
        return RoleGrant.of(Roles.VILLAGE_CADRE, "村（社区）干部", VIEW, VIEW_ALL, INTAKE);
    }

    @Bean
    RoleGrant mediationLeaderGrant() {
        return RoleGrant.of(Roles.LEADER, "镇领导", VIEW, VIEW_ALL, LEDGER, STATS);
    }
}
