package cn.huying.cases.web;

import cn.huying.cases.ActionRequest;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseCommand;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.DuplicateCandidate;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.internal.AttachmentStore;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of one case: search, detail (timeline, time limits, only the actions this user may take
 * now) and the action forms. Every action form carries the version the user saw: a case changed
 * meanwhile is refused by the case engine and the page says who changed it to what.
 */
@Controller
class CaseDetailController {

    /** Actions whose note is a reason or an answer the case engine requires ({@link CaseAction#noteRequired}). */
    static final Set<CaseAction> NOTE_REQUIRED = java.util.Collections.unmodifiableSet(java.util.Arrays.stream(
            CaseAction.values()).filter(CaseAction::noteRequired).collect(
            java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class))));
    /** Actions that take photos or documents. */
    static final Set<CaseAction> WITH_FILES = EnumSet.of(CaseAction.RESOLVE, CaseAction.RESOLVE_ON_SPOT,
            CaseAction.ESCALATE, CaseAction.VERIFY);

    private final Cases cases;
    private final CaseWebSupport support;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final CaseDetailModel detail;

    CaseDetailController(Cases cases, CaseWebSupport support, CurrentUsers users, MessageSource messages,
                         CaseDetailModel detail) {
        this.cases = cases;
        this.support = support;
        this.users = users;
        this.messages = messages;
        this.detail = detail;
    }

    @GetMapping("/cases")
    String search(@RequestParam(required = false) CaseState state, @RequestParam(required = false) CaseKind kind,
                  @RequestParam(required = false) Tier tier, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        model.addAttribute("result", cases.list(new CaseQuery(state, kind, tier, null, null, q,
                new PageRequest(Math.max(0, page), 20)), user));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("state", state);
        model.addAttribute("kind", kind);
        model.addAttribute("tier", tier);
        model.addAttribute("q", q);
        return "cases/search";
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = users.require();
        fill(model, cases.get(id, user), user);
        return "cases/detail";
    }

    private void fill(Model model, CaseView c, CurrentUser user) {
        detail.fill(model, c, user);
    }

    /** One action from a form: the case engine checks role, scope, state and version. */
    @PostMapping("/cases/{id}/act/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Long version,
               @RequestParam(required = false) String note, @RequestParam(required = false) Long departmentId,
               @RequestParam(required = false) Long leadCaseId, @RequestParam(required = false) String leadCode,
               @RequestParam(required = false) Satisfaction satisfaction,
               @RequestParam(required = false) String receivingBody,
               @RequestParam(name = "files", required = false) List<MultipartFile> files,
               @RequestParam(required = false) String returnTo, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        CaseAction verb = CaseAction.fromPath(action);
        if (verb == null) {
            throw DomainException.notFound("case.action.unknown", action);
        }
        String back = CasePages.safeReturn(returnTo, "/cases/" + id);
        try {
            validate(verb, note, departmentId, leadCaseId, leadCode, satisfaction);
            Long lead = leadCaseId;
            if (verb == CaseAction.MERGE && lead == null) {
                lead = cases.getByCode(leadCode.strip(), user).id();
            }
            CaseView after = cases.act(id, CaseCommand.parse(verb, new ActionRequest(version, note, departmentId, null,
                    lead, satisfaction, CasePages.uploads(files), receivingBody)), user);
            redirect.addFlashAttribute("done", messages.getMessage("case.page.done",
                    new Object[]{after.code(), verb.label(), after.stateLabel()}, java.util.Locale.SIMPLIFIED_CHINESE));
            return "redirect:" + back;
        } catch (InvalidInput e) {
            if (!back.equals("/cases/" + id)) {
                redirect.addFlashAttribute("invalid", e);
                redirect.addFlashAttribute("failedCase", id);
                return "redirect:" + back;
            }
            model.addAttribute("invalid", e);
            model.addAttribute("failedAction", verb);
            model.addAttribute("note", note);
            fill(model, cases.get(id, user), user);
            return "cases/detail";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && !e.messageKey().startsWith("case.not-found")) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("failedCase", id);
            return "redirect:" + back;
        }
    }

    /** The page's own checks, so each missing field is named in Chinese beside it. */
    static void validate(CaseAction verb, String note, Long departmentId, Long leadCaseId, String leadCode,
                         Satisfaction satisfaction) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (NOTE_REQUIRED.contains(verb) && (note == null || note.isBlank())) {
            errors.add("note", "case.page.note.required." + verb.path());
        } else if (note != null && note.length() > 4000) {
            errors.add("note", "case.page.note.too-long", 4000);
        }
        if (verb == CaseAction.DISPATCH && departmentId == null) {
            errors.add("departmentId", "case.page.department.required");
        }
        if (verb == CaseAction.MERGE && leadCaseId == null && (leadCode == null || leadCode.isBlank())) {
            errors.add("leadCode", "case.page.lead.required");
        }
        if (verb == CaseAction.REVISIT && satisfaction == null) {
            errors.add("satisfaction", "case.page.satisfaction.required");
        }
        errors.throwIfAny();
    }

    /** Duplicate candidates beside a new case in the intake queue (an htmx partial). */
    @GetMapping("/cases/{id}/duplicates")
    String duplicates(@PathVariable long id, @RequestParam(required = false) Long version,
                      @RequestParam(required = false) String returnTo, Model model) {
        CurrentUser user = users.require();
        List<DuplicateCandidate> found = cases.duplicates(id, user);
        model.addAttribute("caseId", id);
        model.addAttribute("version", version);
        model.addAttribute("duplicates", found);
        model.addAttribute("returnTo", CasePages.safeReturn(returnTo, "/cases/" + id));
        model.addAttribute("canMerge", user.can(CaseAction.MERGE.permission()));
        return "partials/duplicates";
    }

    /** The reporter's full contact, on request only; the read is audited by the case engine. */
    @GetMapping("/cases/{id}/contact")
    String contact(@PathVariable long id, Model model) {
        model.addAttribute("contact", cases.contact(id, users.require()));
        return "partials/contact";
    }

    /** An attachment of a case in the user's scope: images inline, the rest as a download, never as HTML. */
    @GetMapping("/cases/{caseId}/files/{id}")
    ResponseEntity<StreamingResponseBody> file(@PathVariable long caseId, @PathVariable long id) {
        AttachmentStore.Stored a = support.attachment(id, users.require());
        if (a.caseId() != caseId) {
            throw DomainException.notFound("attachment.not-found", id);
        }
        return support.download(a);
    }
}
