package cn.huying.projects.web;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.projects.ProjectAction;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.ProjectRoles;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.projects.internal.ParticipationService;
import cn.huying.projects.internal.ProjectDetails;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.projects.internal.ProjectService;
import cn.huying.projects.internal.ReviewService;
import cn.huying.projects.internal.SupervisionService;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The project officer's screens: the list with the deadline watch, a new project, and one project's eight steps. */
@Controller
class ProjectPages {

    private static final String VIEW = "hasAuthority('" + ProjectPermissions.VIEW + "')";
    private static final String MANAGE = "hasAuthority('" + ProjectPermissions.MANAGE + "')";

    private final ProjectService projects;
    private final ParticipationService participation;
    private final ReviewService reviews;
    private final SupervisionService supervision;
    private final ProjectQueries queries;
    private final ProjectDetails details;
    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final PageSupport pages;
    private final Clock clock;

    ProjectPages(ProjectService projects, ParticipationService participation, ReviewService reviews,
                 SupervisionService supervision, ProjectQueries queries, ProjectDetails details, UserAccounts accounts,
                 CurrentUsers users, PageSupport pages, Clock clock) {
        this.projects = projects;
        this.participation = participation;
        this.reviews = reviews;
        this.supervision = supervision;
        this.queries = queries;
        this.details = details;
        this.accounts = accounts;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/projects")
    @PreAuthorize(VIEW)
    String list(@RequestParam(required = false) Step step, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("steps", Step.values());
        model.addAttribute("step", step);
        model.addAttribute("page", queries.list(step, null, PageRequest.of(page, 20)));
        if (me.can(ProjectPermissions.MANAGE)) {
            model.addAttribute("pending", queries.pendingDisclosures());
            model.addAttribute("late", queries.lateDisclosures(clock.instant()));
            model.addAttribute("warnings", queries.warnings(10));
        }
        return "projects/list";
    }

    @PostMapping("/projects")
    @PreAuthorize(MANAGE)
    String create(@RequestParam String name, @RequestParam String category, @RequestParam String location,
                  @RequestParam String plannedInvestment, @RequestParam String ownerDepartment,
                  @RequestParam(required = false) String summary, @RequestParam(required = false) String documentTitle,
                  @RequestParam(required = false) String documentUrl, RedirectAttributes redirect) {
        long[] id = {0};
        List<ProjectService.DocumentInput> docs = documentTitle == null || documentTitle.isBlank() ? List.of()
                : List.of(new ProjectService.DocumentInput(documentTitle, documentUrl));
        String back = pages.run("/projects", redirect, () -> id[0] = projects.create(new ProjectService.ProjectInput(
                name, category, location, plannedInvestment, ownerDepartment, summary, docs), users.require()));
        return id[0] == 0 ? back : "redirect:/projects/" + id[0];
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(VIEW)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", details.detail(id));
        model.addAttribute("steps", Step.values());
        model.addAttribute("modes", ParticipationService.CONTACT_MODES.stream().sorted().toList());
        CurrentUser me = users.require();
        String path = users.scopeOf(me).pathPrefix();
        if (me.can(ProjectPermissions.MANAGE) && path != null) {
            // leaders and experts whose scope covers the officer's region (the county's experts too)
            model.addAttribute("leaders", accounts.findByRoleCovering(Roles.LEADER, path));
            model.addAttribute("experts", accounts.findByRoleCovering(ProjectRoles.EXPERT, path));
        }
        return "projects/detail";
    }

    private static String back(long id) {
        return "/projects/" + id;
    }

    @PostMapping("/projects/{id}/act")
    @PreAuthorize(MANAGE)
    String act(@PathVariable long id, @RequestParam ProjectAction action, @RequestParam(required = false) Step step,
               @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> projects.act(id, action, step, text, users.require()));
    }

    @PostMapping("/projects/{id}/consultation")
    @PreAuthorize(MANAGE)
    String consultation(@PathVariable long id, @RequestParam(required = false)
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn, RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> projects.openConsultation(id, closesOn, users.require()));
    }

    @PostMapping("/projects/{id}/disclose")
    @PreAuthorize(MANAGE)
    String disclose(@PathVariable long id, @RequestParam Step step, @RequestParam(required = false) String text,
                    RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> projects.disclose(id, step, text, users.require()));
    }

    @PostMapping("/projects/{id}/shortlist")
    @PreAuthorize(MANAGE)
    String shortlist(@PathVariable long id, @RequestParam long interestId, @RequestParam boolean shortlisted,
                     @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return pages.run(back(id), redirect,
                () -> participation.shortlist(id, interestId, shortlisted, reason, users.require()));
    }

    @PostMapping("/projects/{id}/leader")
    @PreAuthorize(MANAGE)
    String leader(@PathVariable long id, @RequestParam long userId, RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> participation.assignLeader(id, userId, users.require()));
    }

    @PostMapping("/projects/{id}/contacts")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.LEAD + "')")
    String contact(@PathVariable long id, @RequestParam long interestId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contactOn,
                   @RequestParam(required = false) String mode, @RequestParam(required = false) String summary,
                   RedirectAttributes redirect) {
        return pages.run(back(id), redirect,
                () -> participation.logContact(id, interestId, contactOn, mode, summary, users.require()));
    }

    @PostMapping("/projects/{id}/exchanges")
    @PreAuthorize(MANAGE)
    String exchange(@PathVariable long id, @RequestParam(required = false) String association,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        return pages.run(back(id), redirect,
                () -> participation.logExchange(id, association, heldOn, summary, users.require()));
    }

    @PostMapping("/projects/{id}/experts")
    @PreAuthorize(MANAGE)
    String invite(@PathVariable long id, @RequestParam long userId, RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> reviews.invite(id, userId, users.require()));
    }

    @PostMapping("/projects/{id}/decision")
    @PreAuthorize(MANAGE)
    String decide(@PathVariable long id, @RequestParam long winnerInterestId,
                  @RequestParam(required = false) String signedInvestment,
                  @RequestParam(required = false) String priceNote, RedirectAttributes redirect) {
        return pages.run(back(id), redirect,
                () -> reviews.decide(id, winnerInterestId, signedInvestment, priceNote, users.require()));
    }

    @PostMapping("/projects/{id}/tender")
    @PreAuthorize(MANAGE)
    String tender(@PathVariable long id, @RequestParam(required = false) String tenderNo,
                  @RequestParam(defaultValue = "false") boolean postQualified,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return pages.run(back(id), redirect,
                () -> supervision.recordTender(id, tenderNo, postQualified, note, users.require()));
    }

    @PostMapping("/projects/{id}/milestones")
    @PreAuthorize(MANAGE)
    String milestone(@PathVariable long id, @RequestParam(required = false) String name,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                     RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> supervision.addMilestone(id, name, dueOn, users.require()));
    }

    @PostMapping("/projects/{id}/milestones/{milestoneId}/done")
    @PreAuthorize(MANAGE)
    String milestoneDone(@PathVariable long id, @PathVariable long milestoneId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                         RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> supervision.milestoneDone(id, milestoneId, doneOn, users.require()));
    }

    @PostMapping("/projects/{id}/acceptance")
    @PreAuthorize(MANAGE)
    String acceptance(@PathVariable long id, @RequestParam(required = false) String finalAccount,
                      @RequestParam(required = false) String investmentAudit,
                      @RequestParam(required = false) String budgetAudit,
                      @RequestParam(required = false) String fundsAudit,
                      @RequestParam(required = false) String qualityAudit, RedirectAttributes redirect) {
        return pages.run(back(id), redirect, () -> supervision.recordAcceptance(id, finalAccount, investmentAudit,
                budgetAudit, fundsAudit, qualityAudit, users.require()));
    }
}
