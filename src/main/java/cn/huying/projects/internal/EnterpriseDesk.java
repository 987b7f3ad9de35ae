package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.projects.Step;
import cn.huying.projects.internal.Records.Interest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise's desk: projects open for interest (阳光选择, active) and its own interests. */
@Component
@Transactional(readOnly = true)
public class EnterpriseDesk {

    /** {@code enterprise} is null when the user belongs to no approved enterprise (it then may not register). */
    public record Desk(EnterpriseDirectory.EnterpriseRef enterprise, List<ProjectSummary> open,
                       List<Mine> mine) {
    }

    /** One of the enterprise's interests with its project. */
    public record Mine(Interest interest, String projectCode, String projectName, String stepLabel) {
    }

    private final EnterpriseDirectory enterprises;
    private final ProjectQueries queries;
    private final WorkRepository work;

    EnterpriseDesk(EnterpriseDirectory enterprises, ProjectQueries queries, WorkRepository work) {
        this.enterprises = enterprises;
        this.queries = queries;
        this.work = work;
    }

    public Desk desk(CurrentUser user) {
        var enterprise = enterprises.approvedEnterpriseOf(user).orElse(null);
        return new Desk(enterprise, queries.activeAt(Step.SELECTION),
                enterprise == null ? List.of() : work.interestsOf(enterprise.id()).stream().map(i -> {
                    ProjectRow p = queries.project(i.projectId());
                    return new Mine(i, p.code(), p.name(), p.step().label());
                }).toList());
    }
}
