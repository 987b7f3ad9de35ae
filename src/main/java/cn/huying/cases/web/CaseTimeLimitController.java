package cn.huying.cases.web;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.Cases;
import cn.huying.cases.SupervisionLevel;
import cn.huying.cases.internal.LeaderSupervision;
import cn.huying.cases.internal.TimeLimitReads;
import cn.huying.cases.internal.TimeLimitService;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The time-limit steps 限时办结 from the pages: on the case page the handling department records first
 * contact, asks for an extension or records staged progress when overdue; the command centre and
 * leaders decide extension requests on the approvals page 延期审批 (or on the case page). Each form
 * carries the case version it was rendered with, so a case changed meanwhile is told, not overwritten;
 * a request decided meanwhile is told too.
 */
@Controller
class CaseTimeLimitController {

    static final int APPROVALS_PAGE_SIZE = 15;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final TimeLimitService timeLimits;
    private final TimeLimitReads reads;
    private final CaseDetailModel detail;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final LeaderSupervision supervision;
    private final Clock clock;

    CaseTimeLimitController(Cases cases, TimeLimitService timeLimits, TimeLimitReads reads, CaseDetailModel detail,
                            CurrentUsers users, MessageSource messages,
                            LeaderSupervision supervision, Clock clock) {
        this.cases = cases;
        this.clock = clock;
        this.timeLimits = timeLimits;
        this.reads = reads;
        this.detail = detail;
        this.users = users;
        this.messages = messages;
        this.supervision = supervision;
    }

    @PostMapping("/cases/{id}/first-contact")
    String firstContact(@PathVariable long id, @RequestParam(required = false) Long version,
                        @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        return step(id, "first-contact", Map.of("note", note == null ? "" : note), model, redirect, () -> {
            if (note != null && note.length() > 4000) {
                new InvalidInput.Collector().add("note", "case.page.note.too-long", 4000).throwIfAny();
            }
            var after = timeLimits.firstContact(id, version, note, user);
            return text("tl.first-contact.done", after.code());
        }, user);
    }

    @PostMapping("/cases/{id}/extension-request")
    String requestExtension(@PathVariable long id, @RequestParam(required = false) Long version,
                            @RequestParam(required = false) String workingDays,
                            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        return step(id, "extension", Map.of("workingDays", workingDays == null ? "" : workingDays,
                "reason", reason == null ? "" : reason), model, redirect, () -> {
            TimeLimitService.Extension e = timeLimits.requestExtension(id, version, integer(workingDays), reason, user);
            return text("tl.extension.asked", e.caseCode(), e.workingDays());
        }, user);
    }

    @PostMapping("/cases/{id}/progress")
    String progress(@PathVariable long id, @RequestParam(required = false) Long version,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) String nextSteps,
                    @RequestParam(required = false) String promisedDate, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        return step(id, "progress", Map.of("reason", reason == null ? "" : reason,
                "nextSteps", nextSteps == null ? "" : nextSteps, "promisedDate", promisedDate == null ? "" : promisedDate),
                model, redirect, () -> {
                    LocalDate promised = date(promisedDate);
                    var after = timeLimits.recordProgress(id, version, reason, nextSteps, promised, user);
                    return text("tl.progress.done", after.code(), promised);
                }, user);
    }

    /** 督办: a leader opens an order on the case (综合督办 / 顶格推进 / 重点攻坚) with a demand and a date to answer by. */
    @PostMapping("/cases/{id}/supervision")
    String openSupervision(@PathVariable long id, @RequestParam(required = false) String level,
                           @RequestParam(required = false) String demand, @RequestParam(required = false) String answerBy,
                           Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        return step(id, "supervision", Map.of("level", level == null ? "" : level, "demand", demand == null ? "" : demand,
                "answerBy", answerBy == null ? "" : answerBy), model, redirect, () -> {
            SupervisionLevel parsed = null;
            try {
                parsed = level == null || level.isBlank() ? null : SupervisionLevel.valueOf(level);
            } catch (IllegalArgumentException e) {
                new InvalidInput.Collector().add("level", "supervision.level.required").throwIfAny();
            }
            var order = supervision.open(id, parsed, demand, date(answerBy), user);
            return text("supervision.opened", order.caseCode(), order.kindLabel());
        }, user);
    }

    /** The department answers a supervision order from the case page. */
    @PostMapping("/cases/{id}/supervision/{orderId}/answer")
    String answerSupervision(@PathVariable long id, @PathVariable long orderId,
                             @RequestParam(required = false) String answer, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        return step(id, "answer-" + orderId, Map.of("answer", answer == null ? "" : answer), model, redirect, () -> {
            var order = supervision.answer(orderId, answer, user);
            return text("supervision.answered.done", order.caseCode());
        }, user);
    }

    /** A time-limit step from the case page: success back to the page with a notice; bad input beside the fields. */
    private String step(long id, String form, Map<String, String> values, Model model, RedirectAttributes redirect,
                        java.util.function.Supplier<String> action, CurrentUser user) {
        try {
            redirect.addFlashAttribute("done", action.get());
            return "redirect:/cases/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("invalid", e);
            model.addAttribute("failedForm", form);
            model.addAttribute("form", values);
            detail.fill(model, cases.get(id, user), user);
            return "cases/detail";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && !e.messageKey().startsWith("case.extension")) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e);
            return "redirect:/cases/" + id;
        }
    }

    // ---- approvals ------------------------------------------------------------------------

    @GetMapping("/approvals")
    @PreAuthorize(CasePermissions.HAS_EXTENSION_APPROVE)
    String approvals(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        var result = reads.pendingExtensions(user, new PageRequest(Math.max(0, page), APPROVALS_PAGE_SIZE));
        Map<Long, String> names = new java.util.HashMap<>();
        result.items().forEach(p -> names.computeIfAbsent(p.extension().requestedBy(), detail::name));
        model.addAttribute("result", result);
        model.addAttribute("names", names);
        model.addAttribute("here", "/approvals" + (page > 0 ? "?page=" + page : ""));
        return "cases/approvals";
    }

    @PostMapping("/cases/{id}/extensions/{extensionId}/{decision:approve|refuse}")
    @PreAuthorize(CasePermissions.HAS_EXTENSION_APPROVE)
    String decide(@PathVariable long id, @PathVariable long extensionId, @PathVariable String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String returnTo,
                  RedirectAttributes redirect) {
        CurrentUser user = users.require();
        String back = CasePages.safeReturn(returnTo, "/approvals");
        boolean approve = "approve".equals(decision);
        try {
            InvalidInput.Collector errors = new InvalidInput.Collector();
            if (!approve && (note == null || note.isBlank())) {
                errors.add("note", "tl.refuse.note.required");
            } else if (note != null && note.length() > 1000) {
                errors.add("note", "case.page.note.too-long", 1000);
            }
            errors.throwIfAny();
            TimeLimitService.Extension e = timeLimits.decideExtension(id, extensionId, approve,
                    note == null || note.isBlank() ? null : note.strip(), user);
            redirect.addFlashAttribute("done", approve
                    ? text("tl.approved", e.caseCode(), e.workingDays(), when(e.newDueAt()))
                    : text("tl.refused", e.caseCode()));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("invalid", e);
            redirect.addFlashAttribute("failedExtension", extensionId);
            redirect.addFlashAttribute("failedDecision", decision);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && !e.messageKey().startsWith("case.extension")) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("failedExtension", extensionId);
        }
        return "redirect:" + back;
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A whole number from a form field, or null when it is none (the service names the field). */
    static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date from an {@code <input type=date>} ({@code yyyy-MM-dd}), or null when it is none. */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(clock.getZone()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
