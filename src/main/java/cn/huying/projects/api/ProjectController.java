package cn.huying.projects.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.projects.ProjectAction;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import cn.huying.projects.internal.ParticipationService;
import cn.huying.projects.internal.ProjectDetails;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.projects.internal.ProjectService;
import cn.huying.projects.internal.ProjectStats;
import cn.huying.projects.internal.ProjectSummary;
import cn.huying.projects.internal.ReviewService;
import cn.huying.projects.internal.SupervisionService;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 阳光推介 for staff: projects, their steps and overlays, and the work of each step. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    static final String VIEW = "hasAuthority('" + ProjectPermissions.VIEW + "')";
    static final String MANAGE = "hasAuthority('" + ProjectPermissions.MANAGE + "')";

    record Created(long id, String code) {
    }

    record TextRequest(String text) {
    }

    record ConsultationRequest(LocalDate closesOn) {
    }

    record ShortlistRequest(boolean shortlisted, String reason) {
    }

    record UserRequest(long userId) {
    }

    record ContactRequest(long interestId, LocalDate contactOn, String mode, String summary) {
    }

    record ExchangeRequest(String association, LocalDate heldOn, String summary) {
    }

    record DecisionRequest(long winnerInterestId, String signedInvestment, String priceNote) {
    }

    record TenderRequest(String tenderNo, boolean postQualified, String note) {
    }

    record MilestoneRequest(String name, LocalDate dueOn) {
    }

    record DoneRequest(LocalDate doneOn) {
    }

    record AcceptanceRequest(String finalAccount, String investmentAudit, String budgetAudit, String fundsAudit,
                             String qualityAudit) {
    }

    private final ProjectService projects;
    private final ParticipationService participation;
    private final ReviewService reviews;
    private final SupervisionService supervision;
    private final ProjectQueries queries;
    private final ProjectDetails details;
    private final ProjectStats stats;
    private final CurrentUsers users;
    private final Clock clock;

    ProjectController(ProjectService projects, ParticipationService participation, ReviewService reviews,
                      SupervisionService supervision, ProjectQueries queries, ProjectDetails details, ProjectStats stats,
                      CurrentUsers users, Clock clock) {
        this.projects = projects;
        this.participation = participation;
        this.reviews = reviews;
        this.supervision = supervision;
        this.queries = queries;
        this.details = details;
        this.stats = stats;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    PageResult<ProjectSummary> list(@RequestParam(required = false) Step step,
                                    @RequestParam(required = false) ProjectStatus status,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return queries.list(step, status, PageRequest.of(page, size));
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody ProjectService.ProjectInput in) {
        long id = projects.create(in, users.require());
        return new Created(id, queries.project(id).code());
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    ProjectDetails.Detail detail(@PathVariable long id) {
        return details.detail(id);
    }

    @PostMapping("/{id}/steps/{step}/complete")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail complete(@PathVariable long id, @PathVariable Step step, @RequestBody TextRequest in) {
        projects.act(id, ProjectAction.COMPLETE_STEP, step, in.text(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/{action:suspend|resume|terminate}")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail overlay(@PathVariable long id, @PathVariable String action, @RequestBody TextRequest in) {
        projects.act(id, ProjectAction.valueOf(action.toUpperCase(java.util.Locale.ROOT)), null, in.text(),
                users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/consultation")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail consultation(@PathVariable long id, @RequestBody ConsultationRequest in) {
        projects.openConsultation(id, in.closesOn(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/steps/{step}/disclosure")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail disclose(@PathVariable long id, @PathVariable Step step, @RequestBody TextRequest in) {
        projects.disclose(id, step, in.text(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/interests/{interestId}/shortlist")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail shortlist(@PathVariable long id, @PathVariable long interestId,
                                    @RequestBody ShortlistRequest in) {
        participation.shortlist(id, interestId, in.shortlisted(), in.reason(), users.require());
        return details.detail(id);
    }

    @PutMapping("/{id}/leader")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail leader(@PathVariable long id, @RequestBody UserRequest in) {
        participation.assignLeader(id, in.userId(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.LEAD + "')")
    ProjectDetails.Detail contact(@PathVariable long id, @RequestBody ContactRequest in) {
        participation.logContact(id, in.interestId(), in.contactOn(), in.mode(), in.summary(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/exchanges")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail exchange(@PathVariable long id, @RequestBody ExchangeRequest in) {
        participation.logExchange(id, in.association(), in.heldOn(), in.summary(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/experts")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail invite(@PathVariable long id, @RequestBody UserRequest in) {
        reviews.invite(id, in.userId(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail decide(@PathVariable long id, @RequestBody DecisionRequest in) {
        reviews.decide(id, in.winnerInterestId(), in.signedInvestment(), in.priceNote(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/tender")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail tender(@PathVariable long id, @RequestBody TenderRequest in) {
        supervision.recordTender(id, in.tenderNo(), in.postQualified(), in.note(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/milestones")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> milestone(@PathVariable long id, @RequestBody MilestoneRequest in) {
        return Map.of("id", supervision.addMilestone(id, in.name(), in.dueOn(), users.require()));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/done")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail milestoneDone(@PathVariable long id, @PathVariable long milestoneId,
                                        @RequestBody DoneRequest in) {
        supervision.milestoneDone(id, milestoneId, in.doneOn(), users.require());
        return details.detail(id);
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize(MANAGE)
    ProjectDetails.Detail acceptance(@PathVariable long id, @RequestBody AcceptanceRequest in) {
        supervision.recordAcceptance(id, in.finalAccount(), in.investmentAudit(), in.budgetAudit(), in.fundsAudit(),
                in.qualityAudit(), users.require());
        return details.detail(id);
    }

    /** The officer's watch list: disclosures still to make, late ones, and the newest warnings. */
    @GetMapping("/watch")
    @PreAuthorize(MANAGE)
    Map<String, Object> watch() {
        return Map.of("pending", queries.pendingDisclosures(), "late", queries.lateDisclosures(clock.instant()),
                "warnings", queries.warnings(50));
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('" + ProjectPermissions.STATS + "')")
    ProjectStats.Summary stats() {
        return stats.summary();
    }
}
