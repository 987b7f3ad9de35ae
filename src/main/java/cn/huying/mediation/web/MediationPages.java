package cn.huying.mediation.web;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.mediation.DisputeState;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.MediationPermissions;
import cn.huying.mediation.OrgLevel;
import cn.huying.mediation.internal.DisputeInput;
import cn.huying.mediation.internal.DisputeIntake;
import cn.huying.mediation.internal.DisputeLedger;
import cn.huying.mediation.internal.DisputeWork;
import cn.huying.mediation.internal.Disputes;
import cn.huying.mediation.internal.FilterParams;
import cn.huying.mediation.internal.MediationOrgs;
import cn.huying.mediation.internal.MediationStats;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mediation screens: the list (my disputes / all), a dispute, the centre's intake and the statistics. */
@Controller
class MediationPages {

    private final DisputeIntake intake;
    private final DisputeWork work;
    private final DisputeLedger ledger;
    private final MediationStats stats;
    private final MediationOrgs orgs;
    private final CurrentUsers users;
    private final cn.huying.cases.Cases cases;

    MediationPages(DisputeIntake intake, DisputeWork work, DisputeLedger ledger, MediationStats stats,
                   MediationOrgs orgs, CurrentUsers users, cn.huying.cases.Cases cases) {
        this.cases = cases;
        this.intake = intake;
        this.work = work;
        this.ledger = ledger;
        this.stats = stats;
        this.orgs = orgs;
        this.users = users;
    }

    @GetMapping("/mediation")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    String list(@RequestParam(required = false) String level, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) String type, @RequestParam(required = false) String state,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        model.addAttribute("result", ledger.list(FilterParams.parse(level, orgId, type, state, from, to), page, 20, user));
        model.addAttribute("mine", user.hasRole(Roles.MEDIATOR) && !user.can(MediationPermissions.VIEW_ALL));
        model.addAttribute("f", new String[]{level, orgId == null ? null : orgId.toString(), type, state, from, to});
        choices(model);
        model.addAttribute("canExport", user.can(MediationPermissions.LEDGER));
        return "mediation/list";
    }

    @GetMapping("/mediation/disputes/{id}")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = users.require();
        model.addAttribute("d", work.detail(id, user));
        model.addAttribute("canIntake", user.can(MediationPermissions.INTAKE));
        model.addAttribute("canHandle", user.can(MediationPermissions.HANDLE));
        model.addAttribute("canSeeParties", user.can(MediationPermissions.PARTY_VIEW));
        choices(model);
        return "mediation/detail";
    }

    @GetMapping("/mediation/disputes/{id}/parties")
    @PreAuthorize("hasAuthority('" + MediationPermissions.PARTY_VIEW + "')")
    String parties(@PathVariable long id, Model model) {
        model.addAttribute("parties", work.parties(id, users.require()));
        return "mediation/widgets :: parties";
    }

    @GetMapping("/mediation/disputes/{id}/documents/{documentId}")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        Disputes.StoredDocument d = work.document(id, documentId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(d.contentType())).body(d.content());
    }

    @PostMapping("/mediation/disputes/{id}/meeting")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    String meeting(@PathVariable long id, @RequestParam(required = false) String heldAt,
                   @RequestParam(required = false) String place, @RequestParam(required = false) String videoLink,
                   @RequestParam(required = false) String attendees, @RequestParam(required = false) String minutes,
                   RedirectAttributes redirect) {
        return step(id, redirect, "调解会记录已保存", () -> work.meeting(id,
                new DisputeInput.Meeting(heldAt, place, videoLink, attendees, minutes), users.require()));
    }

    @PostMapping("/mediation/disputes/{id}/outcome")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    String outcome(@PathVariable long id, @RequestParam(required = false) String result,
                   @RequestParam(required = false) String terms, @RequestParam(required = false) String amount,
                   @RequestParam(required = false) String performanceDue, @RequestParam(required = false) String note,
                   @RequestParam(required = false) List<String> routes, RedirectAttributes redirect) {
        return step(id, redirect, "调解结果已保存，文书已生成", () -> work.outcome(id,
                new DisputeInput.Outcome(result, terms, amount, performanceDue, note, routes), users.require()));
    }

    @PostMapping("/mediation/disputes/{id}/performance")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    String performance(@PathVariable long id, @RequestParam(required = false) String state,
                       @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(id, redirect, "履行情况已记录", () -> {
            work.performance(id, state, note, users.require());
            return id;
        });
    }

    @PostMapping("/mediation/disputes/{id}/confirmation")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    String confirmation(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, "已申请司法确认", () -> {
            work.applyConfirmation(id, users.require());
            return id;
        });
    }

    @PostMapping("/mediation/disputes/{id}/assign")
    @PreAuthorize("hasAuthority('" + MediationPermissions.INTAKE + "')")
    String assign(@PathVariable long id, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) List<Long> mediatorIds, RedirectAttributes redirect) {
        return step(id, redirect, "已分流", () -> {
            intake.assign(id, orgId, mediatorIds, users.require());
            return id;
        });
    }

    @GetMapping("/mediation/intake")
    @PreAuthorize("hasAuthority('" + MediationPermissions.INTAKE + "')")
    String intakeForm(Model model) {
        choices(model);
        return "mediation/intake";
    }

    @PostMapping("/mediation/intake")
    @PreAuthorize("hasAuthority('" + MediationPermissions.INTAKE + "')")
    String intake(@RequestParam(required = false) String caseCode,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String facts, @RequestParam(required = false) String amountClaimed,
                  @RequestParam(required = false) Long regionId, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) String applicantName, @RequestParam(required = false) String applicantId,
                  @RequestParam(required = false) String applicantPhone,
                  @RequestParam(required = false) String respondentName, @RequestParam(required = false) String respondentId,
                  @RequestParam(required = false) String respondentPhone, Model model, RedirectAttributes redirect) {
        List<DisputeInput.PartyInput> parties = new ArrayList<>();
        parties.add(new DisputeInput.PartyInput("APPLICANT", applicantName, applicantId, applicantPhone));
        parties.add(new DisputeInput.PartyInput("RESPONDENT", respondentName, respondentId, respondentPhone));
        try {
            CurrentUser user = users.require();
            // from a case: the case's place, and its title and facts unless others are written
            Long caseId = caseCode == null || caseCode.isBlank() ? null : cases.getByCode(caseCode.strip(), user).id();
            long id = intake.open(new DisputeInput.Open(caseId, type, blank(title), blank(facts), amountClaimed, regionId,
                    orgId, List.of(), parties, null, null), user);
            redirect.addFlashAttribute("done", "纠纷已受理");
            return "redirect:/mediation/disputes/" + id;
        } catch (DomainException e) {
            model.addAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            choices(model);
            return "mediation/intake";
        }
    }

    @GetMapping("/mediation/stats")
    @PreAuthorize("hasAuthority('" + MediationPermissions.STATS + "')")
    String stats(@RequestParam(defaultValue = "level") String groupBy, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        model.addAttribute("rows", stats.stats(groupBy, FilterParams.parse(null, null, null, null, from, to),
                users.require()));
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "mediation/stats";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String step(long id, RedirectAttributes redirect, String done, Supplier<Long> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
        }
        return "redirect:/mediation/disputes/" + id;
    }

    private void choices(Model model) {
        model.addAttribute("levels", OrgLevel.values());
        model.addAttribute("types", DisputeType.values());
        model.addAttribute("states", DisputeState.values());
        model.addAttribute("orgs", orgs.all());
    }
}
