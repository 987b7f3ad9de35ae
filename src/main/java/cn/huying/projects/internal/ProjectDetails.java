package cn.huying.projects.internal;

import cn.huying.projects.ProjectAction;
import cn.huying.projects.Step;
import cn.huying.projects.internal.Records.Acceptance;
import cn.huying.projects.internal.Records.Comment;
import cn.huying.projects.internal.Records.Contact;
import cn.huying.projects.internal.Records.Document;
import cn.huying.projects.internal.Records.Exchange;
import cn.huying.projects.internal.Records.Expert;
import cn.huying.projects.internal.Records.History;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.projects.internal.Records.Milestone;
import cn.huying.projects.internal.Records.Score;
import cn.huying.projects.internal.Records.Warning;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One project with every record of its steps, as staff see it, or as the public sees it. */
@Component
@Transactional(readOnly = true)
public class ProjectDetails {

    /**
     * Everything about a project for staff. Individual scores are empty until the decision; the panel's
     * averages appear once every expert not excluded has submitted (the result the officer decides on).
     */
    public record Detail(ProjectRow project, List<Document> documents, List<StepRecord> steps, List<History> history,
                         List<Comment> comments, List<Interest> interests, List<Contact> contacts,
                         List<Exchange> exchanges, List<Expert> experts, boolean reviewsComplete,
                         List<Score> scores, List<ReviewService.Average> averages, List<Milestone> milestones,
                         Acceptance acceptance, List<Warning> warnings, Set<ProjectAction> possibleActions,
                         boolean consultationOpen, String winnerName) {
    }

    /** What the public sees: the disclosed results, the comments, the shortlist once selected, scores once decided. */
    public record PublicDetail(ProjectRow project, List<Document> documents, List<StepRecord> steps,
                               List<Comment> comments, boolean consultationOpen, List<Interest> shortlist,
                               List<Score> scores, List<ReviewService.Average> averages, String winnerName,
                               List<Milestone> milestones) {
    }

    private final ProjectQueries queries;
    private final WorkRepository work;
    private final SupervisionRepository supervision;
    private final ReviewService reviews;
    private final Clock clock;

    ProjectDetails(ProjectQueries queries, WorkRepository work, SupervisionRepository supervision, ReviewService reviews,
                   Clock clock) {
        this.queries = queries;
        this.work = work;
        this.supervision = supervision;
        this.reviews = reviews;
        this.clock = clock;
    }

    public Detail detail(long id) {
        ProjectRow p = queries.project(id);
        List<Expert> experts = work.experts(id);
        boolean complete = !experts.isEmpty() && experts.stream().allMatch(e -> e.declaredAt() != null)
                && experts.stream().anyMatch(e -> !e.excluded())
                && experts.stream().filter(e -> !e.excluded()).allMatch(Expert::submitted);
        List<ReviewService.Average> averages = complete ? averagesOf(work.scores(id)) : List.of();
        List<Interest> interests = work.interests(id);
        return new Detail(p, queries.documents(id), queries.steps(id), queries.history(id), work.comments(id),
                interests, work.contacts(id), work.exchanges(id), experts, complete, reviews.publishedScores(p),
                averages, supervision.milestones(id), supervision.acceptance(id).orElse(null),
                supervision.warningsOf(id), ProjectTransitions.possible(p.status(), p.step()),
                p.consultationOpen(clock.instant()), winner(p, interests));
    }

    public PublicDetail publicDetail(long id) {
        ProjectRow p = queries.publicProject(id);
        List<StepRecord> steps = queries.steps(id);
        boolean selected = steps.stream().anyMatch(s -> s.step() == Step.SELECTION && s.completed());
        List<Interest> interests = work.interests(id);
        List<Interest> shortlist = selected
                ? interests.stream().filter(i -> Boolean.TRUE.equals(i.shortlisted())).toList() : List.of();
        List<Score> scores = reviews.publishedScores(p);
        return new PublicDetail(p, queries.documents(id), steps, work.comments(id), p.consultationOpen(clock.instant()),
                shortlist, scores, averagesOf(scores), winner(p, interests), supervision.milestones(id));
    }

    private static String winner(ProjectRow p, List<Interest> interests) {
        return p.winnerInterestId() == null ? null : interests.stream().filter(i -> i.id() == p.winnerInterestId())
                .map(Interest::enterpriseName).findFirst().orElse(null);
    }

    private static List<ReviewService.Average> averagesOf(List<Score> scores) {
        java.util.Map<Long, List<Score>> by = new java.util.LinkedHashMap<>();
        scores.forEach(s -> by.computeIfAbsent(s.interestId(), k -> new java.util.ArrayList<>()).add(s));
        return by.values().stream().map(list -> new ReviewService.Average(list.get(0).interestId(),
                list.get(0).enterpriseName(), list.stream().map(Score::score)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .divide(java.math.BigDecimal.valueOf(list.size()), 2, java.math.RoundingMode.HALF_UP), list.size()))
                .toList();
    }
}
