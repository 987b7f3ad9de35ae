package cn.huying.projects.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.internal.EnterpriseDesk;
import cn.huying.projects.internal.ExpertDesk;
import cn.huying.projects.internal.ParticipationService;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.projects.internal.ProjectStats;
import cn.huying.projects.internal.Records;
import cn.huying.projects.internal.ReviewService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screens of the responsible leader (包联项目), the expert (我的评审), the enterprise (项目招引) and the statistics. */
@Controller
class RolePages {

    private final ProjectQueries queries;
    private final ExpertDesk experts;
    private final EnterpriseDesk enterprises;
    private final ReviewService reviews;
    private final ParticipationService participation;
    private final ProjectStats stats;
    private final CurrentUsers users;
    private final PageSupport pages;

    RolePages(ProjectQueries queries, ExpertDesk experts, EnterpriseDesk enterprises, ReviewService reviews,
              ParticipationService participation, ProjectStats stats, CurrentUsers users, PageSupport pages) {
        this.queries = queries;
        this.experts = experts;
        this.enterprises = enterprises;
        this.reviews = reviews;
        this.participation = participation;
        this.stats = stats;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/projects/leader")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.LEAD + "')")
    String leader(Model model) {
        model.addAttribute("projects", queries.ledBy(users.require().id()));
        return "projects/leader";
    }

    @GetMapping("/projects/reviews")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.REVIEW + "')")
    String reviews(Model model) {
        model.addAttribute("invitations", experts.invitations(users.require()));
        return "projects/reviews";
    }

    @GetMapping("/projects/reviews/{id}")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.REVIEW + "')")
    String review(@PathVariable long id, Model model) {
        model.addAttribute("r", experts.review(id, users.require()));
        return "projects/review";
    }

    @PostMapping("/projects/reviews/{id}/declaration")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.REVIEW + "')")
    String declare(@PathVariable long id, @RequestParam boolean conflict,
                   @RequestParam(required = false) String declaration, RedirectAttributes redirect) {
        return pages.run("/projects/reviews/" + id, redirect,
                () -> reviews.declare(id, conflict, declaration, users.require()));
    }

    /** The scores come as {@code score_<interestId>} and {@code remark_<interestId>}, one pair per shortlisted enterprise. */
    @PostMapping("/projects/reviews/{id}/scores")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.REVIEW + "')")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<ReviewService.ScoreInput> scores = new ArrayList<>();
        for (Records.Interest i : experts.review(id, users.require()).shortlisted()) {
            scores.add(new ReviewService.ScoreInput(i.id(), form.get("score_" + i.id()), form.get("remark_" + i.id())));
        }
        return pages.run("/projects/reviews/" + id, redirect, () -> reviews.score(id, scores, users.require()));
    }

    @GetMapping("/projects/enterprise")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.INTEREST + "')")
    String enterprise(Model model) {
        model.addAttribute("desk", enterprises.desk(users.require()));
        return "projects/enterprise";
    }

    @PostMapping("/projects/enterprise/{id}/interest")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.INTEREST + "')")
    String interest(@PathVariable long id, @RequestParam(required = false) String capabilities,
                    @RequestParam(required = false) String references, RedirectAttributes redirect) {
        return pages.run("/projects/enterprise", redirect,
                () -> participation.registerInterest(id, capabilities, references, users.require()));
    }

    @GetMapping("/projects/stats")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.STATS + "')")
    String stats(Model model) {
        model.addAttribute("s", stats.summary());
        return "projects/stats";
    }

    @GetMapping("/projects/stats.json")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.STATS + "')")
    @ResponseBody
    ProjectStats.Summary statsJson() {
        return stats.summary();
    }
}
