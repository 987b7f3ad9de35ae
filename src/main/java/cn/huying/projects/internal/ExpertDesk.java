package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.projects.Step;
import cn.huying.projects.internal.Records.Expert;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.projects.internal.Records.Score;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert's view 我的评审: only projects they are invited to (the user id is in every query), the shortlisted
 * enterprises, their own declaration and scores — never another expert's before the decision.
 */
@Component
@Transactional(readOnly = true)
public class ExpertDesk {

    /** One invitation in the expert's list. */
    public record Invitation(long projectId, String code, String name, Step step, String stepLabel, Boolean conflict,
                             boolean declared, boolean submitted, boolean decided) {
    }

    /** One review: the project, what to score, the expert's own record, and every score once decided. */
    public record Review(ProjectSummary project, Expert me, boolean canScore, List<Interest> shortlisted,
                         List<Score> myScores, List<Score> publishedScores, boolean decided) {
    }

    private final WorkRepository work;
    private final ProjectQueries queries;
    private final ReviewService reviews;

    ExpertDesk(WorkRepository work, ProjectQueries queries, ReviewService reviews) {
        this.work = work;
        this.queries = queries;
        this.reviews = reviews;
    }

    public List<Invitation> invitations(CurrentUser expert) {
        return work.invitationsOf(expert.id()).stream().map(e -> {
            ProjectRow p = queries.project(e.projectId());
            return new Invitation(p.id(), p.code(), p.name(), p.step(), p.step().label(), e.conflict(),
                    e.declaredAt() != null, e.submitted(), p.decided());
        }).toList();
    }

    public Review review(long projectId, CurrentUser expert) {
        Expert me = reviews.invitation(projectId, expert);
        ProjectRow p = queries.project(projectId);
        ProjectSummary summary = new ProjectSummary(p.id(), p.code(), p.name(), p.category(), p.location(),
                p.plannedInvestment(), p.signedInvestment(), p.ownerDepartment(), p.step(), p.status(), p.updatedAt());
        List<Interest> shortlisted = work.interests(projectId).stream()
                .filter(i -> Boolean.TRUE.equals(i.shortlisted())).toList();
        boolean canScore = ProjectTransitions.allows(ProjectTransitions.Activity.SCORE, p.status(), p.step())
                && me.declaredAt() != null && !me.excluded() && !me.submitted();
        return new Review(summary, me, canScore, shortlisted, work.scoresOf(me.id()), reviews.publishedScores(p),
                p.decided());
    }
}
