package cn.huying.projects.web;

import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.NavItem;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What 阳光推介 adds to the shell: its links (orders 450–499) and the officer's home card. */
@Configuration(proxyBeanMethods = false)
class ProjectsShell {

    @Bean
    NavItem navProjects() {
        return NavItem.work("/projects", "nav.projects", 450, ProjectPermissions.MANAGE);
    }

    @Bean
    NavItem navProjectsLeader() {
        return NavItem.work("/projects/leader", "nav.projects.leader", 455, ProjectPermissions.LEAD);
    }

    @Bean
    NavItem navProjectsReviews() {
        return NavItem.work("/projects/reviews", "nav.projects.reviews", 460, ProjectPermissions.REVIEW);
    }

    @Bean
    NavItem navProjectsEnterprise() {
        return NavItem.work("/projects/enterprise", "nav.projects.enterprise", 465, ProjectPermissions.INTEREST);
    }

    @Bean
    NavItem navProjectsStats() {
        return NavItem.work("/projects/stats", "nav.projects.stats", 470, ProjectPermissions.STATS);
    }

    /** The officer's card: disclosures to make, late ones, the newest warnings. */
    @Bean
    HomeWidget projectsWidget(ProjectQueries queries, Clock clock) {
        return HomeWidget.of("projects", 450, v -> v.can(ProjectPermissions.MANAGE), "projects/widgets :: officer",
                v -> Map.of("pending", queries.pendingDisclosures().size(),
                        "late", queries.lateDisclosures(clock.instant()).size(),
                        "warnings", queries.warnings(3)));
    }
}
