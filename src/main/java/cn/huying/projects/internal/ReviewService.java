package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.UserAccounts;
import cn.huying.projects.ProjectRoles;
import cn.huying.projects.internal.ProjectTransitions.Activity;
import cn.huying.projects.internal.Records.Expert;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.projects.internal.Records.Score;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 阳光评鉴: independent third-party experts declare a conflict of interest (利益冲突) or none — a conflicted expert
 * is excluded (回避) and cannot score; the others score every shortlisted enterprise once, without seeing anyone
 * else's scores; the officer decides on the winner and the coordinated price once every expert not excluded has
 * submitted, and only then are the scores published.
 */
@Service
public class ReviewService {

    /** One score as sent: the interest scored and the score as text (0–100, two decimals). */
    public record ScoreInput(long interestId, String score, String remark) {
    }

    /** An enterprise's average over the experts who scored, scale 2 half-up. */
    public record Average(long interestId, String enterpriseName, BigDecimal average, int experts) {
    }

    private final ProjectService projects;
    private final ProjectRepository repo;
    private final WorkRepository work;
    private final UserAccounts users;
    private final Clock clock;

    ReviewService(ProjectService projects, ProjectRepository repo, WorkRepository work, UserAccounts users,
                  Clock clock) {
        this.projects = projects;
        this.repo = repo;
        this.work = work;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public void invite(long id, long userId, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        ProjectTransitions.requireActivity(Activity.INVITE_EXPERT, p.status(), p.step());
        var expert = users.findById(userId).filter(u -> u.enabled() && u.roles().contains(ProjectRoles.EXPERT))
                .orElseThrow(() -> DomainException.invalid("projects.expert.invalid", userId));
        if (work.expertInvited(id, userId)) {
            throw DomainException.conflict("projects.expert.duplicate", expert.displayName());
        }
        Instant now = clock.instant();
        work.inviteExpert(id, userId, expert.displayName(), now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "INVITE_EXPERT", p.step(), p.status(), "邀请评审专家：" + expert.displayName());
    }

    /** The expert's own invitation (404 for anyone not invited: the user id is in the query). */
    public Expert invitation(long id, CurrentUser expert) {
        return work.expertOf(id, expert.id()).orElseThrow(() -> DomainException.notFound("projects.not-found", id));
    }

    @Transactional
    public void declare(long id, boolean conflict, String declaration, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        Expert e = invitation(id, by);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String text = Amounts.text("declaration", declaration, 1000, conflict, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.DECLARE, p.status(), p.step());
        Instant now = clock.instant();
        if (!work.declare(e.id(), conflict, text, now)) {
            throw DomainException.conflict("projects.expert.declared");
        }
        repo.appendHistory(id, now, by, "DECLARE", p.step(), p.status(), conflict
                ? e.name() + " 申报存在利益冲突，回避评审：" + text : e.name() + " 承诺与参评企业无利益冲突");
    }

    /** Scores every shortlisted enterprise once; refused for an excluded or undeclared expert (409). */
    @Transactional
    public void score(long id, List<ScoreInput> scores, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        Expert e = invitation(id, by);
        ProjectTransitions.requireActivity(Activity.SCORE, p.status(), p.step());
        if (e.declaredAt() == null) {
            throw DomainException.conflict("projects.score.undeclared");
        }
        if (e.excluded()) {
            throw DomainException.conflict("projects.score.conflicted");
        }
        if (e.submitted()) {
            throw DomainException.conflict("projects.score.submitted");
        }
        Map<Long, Interest> shortlisted = new LinkedHashMap<>();
        work.interests(id).stream().filter(i -> Boolean.TRUE.equals(i.shortlisted()))
                .forEach(i -> shortlisted.put(i.id(), i));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<ScoreInput> in = scores == null ? List.of() : scores;
        Set<Long> seen = new HashSet<>();
        BigDecimal[] values = new BigDecimal[in.size()];
        for (int i = 0; i < in.size(); i++) {
            ScoreInput s = in.get(i);
            if (!shortlisted.containsKey(s.interestId()) || !seen.add(s.interestId())) {
                errors.add("scores[" + i + "].interestId", "projects.score.not-shortlisted", s.interestId());
            }
            values[i] = Amounts.score("scores[" + i + "].score", s.score(), errors);
            Amounts.text("scores[" + i + "].remark", s.remark(), 1000, false, errors);
        }
        if (errors.isEmpty() && !seen.equals(shortlisted.keySet())) {
            errors.add("scores", "projects.score.incomplete", shortlisted.size());
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        for (int i = 0; i < in.size(); i++) {
            work.addScore(id, e.id(), in.get(i).interestId(), values[i],
                    in.get(i).remark() == null || in.get(i).remark().isBlank() ? null : in.get(i).remark().strip());
        }
        if (!work.markSubmitted(e.id(), now)) {
            throw DomainException.conflict("projects.score.submitted");
        }
        repo.appendHistory(id, now, by, "SCORE", p.step(), p.status(), e.name() + " 提交评分（评审结果决定后公开）");
    }

    /** The winner and the coordinated price 价格协调, once every expert not excluded has submitted. */
    @Transactional
    public void decide(long id, long winnerInterestId, String signedInvestment, String priceNote, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        BigDecimal signed = Amounts.yuan("signedInvestment", signedInvestment, true, errors);
        String note = Amounts.text("priceNote", priceNote, 1000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.DECIDE, p.status(), p.step());
        if (p.decided()) {
            throw DomainException.conflict("projects.decision.already");
        }
        List<Expert> experts = work.experts(id);
        List<Expert> scoring = experts.stream().filter(x -> !x.excluded()).toList();
        if (scoring.isEmpty() || experts.stream().anyMatch(x -> x.declaredAt() == null)
                || scoring.stream().anyMatch(x -> !x.submitted())) {
            throw DomainException.conflict("projects.decision.reviews-pending");
        }
        Interest winner = work.interest(id, winnerInterestId).filter(i -> Boolean.TRUE.equals(i.shortlisted()))
                .orElseThrow(() -> DomainException.invalid("projects.decision.winner.invalid", winnerInterestId));
        Instant now = clock.instant();
        repo.setDecision(id, winner.id(), signed, note, now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "DECIDE", p.step(), p.status(), "评鉴结果：" + winner.enterpriseName()
                + "，签约投资 " + signed.toPlainString() + " 元；价格协调：" + note);
    }

    /** Every score, only once the decision is made (empty before: nobody sees them, the officer neither). */
    public List<Score> publishedScores(ProjectRow p) {
        return p.decided() ? work.scores(p.id()) : List.of();
    }
}
