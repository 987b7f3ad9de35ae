package cn.huying.projects.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.internal.ExpertDesk;
import cn.huying.projects.internal.ReviewService;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 我的评审 — the expert's reviews: declaration of conflicts of interest, then the scores. */
@RestController
@RequestMapping("/api/reviews")
@PreAuthorize("hasAuthority('" + ProjectPermissions.REVIEW + "')")
class ReviewController {

    record DeclarationRequest(boolean conflict, String declaration) {
    }

    record ScoresRequest(List<ReviewService.ScoreInput> scores) {
    }

    private final ExpertDesk desk;
    private final ReviewService reviews;
    private final CurrentUsers users;

    ReviewController(ExpertDesk desk, ReviewService reviews, CurrentUsers users) {
        this.desk = desk;
        this.reviews = reviews;
        this.users = users;
    }

    @GetMapping
    List<ExpertDesk.Invitation> mine() {
        return desk.invitations(users.require());
    }

    @GetMapping("/{projectId}")
    ExpertDesk.Review review(@PathVariable long projectId) {
        return desk.review(projectId, users.require());
    }

    @PostMapping("/{projectId}/declaration")
    ExpertDesk.Review declare(@PathVariable long projectId, @RequestBody DeclarationRequest in) {
        reviews.declare(projectId, in.conflict(), in.declaration(), users.require());
        return desk.review(projectId, users.require());
    }

    @PostMapping("/{projectId}/scores")
    ExpertDesk.Review score(@PathVariable long projectId, @RequestBody ScoresRequest in) {
        reviews.score(projectId, in.scores(), users.require());
        return desk.review(projectId, users.require());
    }
}
