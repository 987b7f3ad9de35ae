package cn.huying.cases.web;

import cn.huying.cases.ActionRequest;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseCommand;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Category;
import cn.huying.cases.Channel;
import cn.huying.cases.HistoryView;
import cn.huying.cases.NewCase;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.cases.internal.FollowUpLimits;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.ServiceAccounts;
import cn.huying.region.RegionType;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen portal 群众门户, no account needed: submit a request, follow it with its code and the
 * last four digits of the phone, rate the answer. It acts as the service account
 * {@link ServiceAccounts#CITIZEN_PORTAL}, so the case engine's own rules apply (a citizen sees and
 * rates only their own requests). Follow-up never says whether a code exists: a wrong code and wrong
 * digits get the same answer, failures are counted per address and per code, and after too many the
 * answer is "try later" ({@link FollowUpLimits}: a code guessed at is closed to the guessers, not to its owner). The page shows no personal data and no staff names or notes.
 */
@Controller
class PortalController {

    private static final String VERIFIED = PortalController.class.getName() + ".verified";
    private static final Pattern CODE = Pattern.compile("[A-Z]{1,10}-\\d{8}-\\d{4,6}");
    private static final Pattern LAST4 = Pattern.compile("\\d{4}");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private final Cases cases;
    private final CaseWebSupport support;
    private final Regions regions;
    private final ServiceAccounts accounts;
    private final FollowUpLimits limits;

    PortalController(Cases cases, CaseWebSupport support, Regions regions, ServiceAccounts accounts,
                     FollowUpLimits limits) {
        this.cases = cases;
        this.limits = limits;
        this.support = support;
        this.regions = regions;
        this.accounts = accounts;
    }

    private CurrentUser portal() {
        return accounts.principal(ServiceAccounts.CITIZEN_PORTAL)
                .orElseThrow(() -> DomainException.forbidden("portal.unavailable"));
    }

    @GetMapping("/portal")
    String index(Model model) {
        prepare(model);
        return "portal/index";
    }

    @PostMapping("/portal/submit")
    String submit(@RequestParam(required = false) String category, @RequestParam(required = false) String description,
                  @RequestParam(required = false) Long regionId, @RequestParam(required = false) String address,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                  @RequestParam(name = "_formToken", required = false) String formToken,
                  HttpSession session, Model model) {
        CurrentUser portal = portal();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        // the case engine checks everything again; these are named here so they show all at once
        if (category == null || category.isBlank()) {
            errors.add("category", "case.category.required");
        }
        if (description == null || description.isBlank()) {
            errors.add("description", "portal.description.required");
        }
        String p = phone == null ? "" : phone.strip();
        if (p.isEmpty()) {
            errors.add("reporterPhone", "portal.phone.required");
        } else if (!MOBILE.matcher(p).matches()) {
            errors.add("reporterPhone", "portal.phone.mobile");
        }
        if (regionId == null) {
            errors.add("regionId", "portal.region.required");
        }
        Cases.Submitted submitted;
        try {
            errors.throwIfAny();
            submitted = cases.submit(new NewCase(category, Channel.PORTAL, null, null, description, null, null, address,
                    regionId, name, p, false, null, List.of(), formToken), portal);
        } catch (DomainException e) {
            prepare(model);
            model.addAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            model.addAttribute("category", category);
            model.addAttribute("description", description);
            model.addAttribute("regionId", regionId);
            model.addAttribute("address", address);
            model.addAttribute("name", name);
            model.addAttribute("phone", phone);
            return "portal/index";
        } catch (DataIntegrityViolationException e) {
            return "redirect:/portal";
        }
        addVerified(session, submitted.c().id());
        return "redirect:/portal/cases/" + submitted.c().code() + "?new";
    }

    @PostMapping("/portal/follow")
    String follow(@RequestParam(required = false) String code, @RequestParam(required = false) String last4,
                  HttpServletRequest request, HttpSession session, Model model) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String d = last4 == null ? "" : last4.strip();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (!CODE.matcher(c).matches()) {
            errors.add("code", "portal.code.format");
        }
        if (!LAST4.matcher(d).matches()) {
            errors.add("last4", "portal.last4.format");
        }
        if (!errors.isEmpty()) {
            prepare(model);
            model.addAttribute("invalid", new InvalidInput(errorsOf(errors)));
            model.addAttribute("code", code);
            return "portal/index";
        }
        String address = request.getRemoteAddr();
        if (limits.blocked(address, c)) {
            prepare(model);
            model.addAttribute("problem", DomainException.conflict("portal.follow.too-many"));
            model.addAttribute("code", code);
            return "portal/index";
        }
        CaseView found = lookup(c, d);
        if (found == null) {
            limits.failed(address, c);
            prepare(model);
            model.addAttribute("problem", DomainException.notFound("portal.follow.no-match"));
            model.addAttribute("code", code);
            return "portal/index";
        }
        addVerified(session, found.id());
        return "redirect:/portal/cases/" + found.code();
    }

    /** The case when the code is a portal request and the digits match; null otherwise, the same for both. */
    private CaseView lookup(String code, String last4) {
        CaseView c;
        try {
            c = cases.getByCode(code, portal());
        } catch (DomainException e) {
            return null;
        }
        String phone = c.reporterPhone() == null ? "" : c.reporterPhone();
        String tail = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
        return MessageDigest.isEqual(tail.getBytes(StandardCharsets.UTF_8), last4.getBytes(StandardCharsets.UTF_8))
                ? c : null;
    }

    @GetMapping("/portal/cases/{code}")
    String show(@PathVariable String code, @RequestParam(name = "new", required = false) String fresh,
                HttpSession session, Model model) {
        CaseView c = verifiedCase(code, session);
        if (c == null) {
            return "redirect:/portal";
        }
        model.addAttribute("c", c);
        model.addAttribute("fresh", fresh != null);
        List<HistoryView> history = cases.history(c.id(), portal());
        model.addAttribute("history", history);
        model.addAttribute("canRate", c.allowedActions().contains(CaseAction.REVISIT));
        model.addAttribute("satisfactions", Satisfaction.values());
        return "portal/case";
    }

    @PostMapping("/portal/cases/{code}/rate")
    String rate(@PathVariable String code, @RequestParam(required = false) Long version,
                @RequestParam(required = false) Satisfaction satisfaction, @RequestParam(required = false) String note,
                HttpSession session, Model model, RedirectAttributes redirect) {
        CaseView c = verifiedCase(code, session);
        if (c == null) {
            return "redirect:/portal";
        }
        try {
            if (satisfaction == null) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("satisfaction",
                        "case.page.satisfaction.required", new Object[0])));
            }
            if (note != null && note.length() > 500) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("note", "case.field.too-long",
                        new Object[]{"评价意见", 500})));
            }
            cases.act(c.id(), CaseCommand.parse(CaseAction.REVISIT, new ActionRequest(version, note, null, null, null,
                    satisfaction, List.of())), portal());
        } catch (DomainException e) {
            redirect.addFlashAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            return "redirect:/portal/cases/" + c.code();
        }
        redirect.addFlashAttribute("rated", true);
        return "redirect:/portal/cases/" + c.code();
    }

    private CaseView verifiedCase(String code, HttpSession session) {
        CaseView c;
        try {
            c = cases.getByCode(code.strip().toUpperCase(Locale.ROOT), portal());
        } catch (DomainException e) {
            return null;
        }
        return verified(session).contains(c.id()) ? c : null;
    }

    private void prepare(Model model) {
        List<Category> all = support.categories();
        model.addAttribute("categories", all.stream().filter(c -> c.parentId() != null && c.active() && c.openToPublic())
                .toList());
        model.addAttribute("villages", regions.list(RegionScope.all(), null, RegionType.VILLAGE, null, false,
                new PageRequest(0, 200)).items());
    }

    private static List<InvalidInput.FieldError> errorsOf(InvalidInput.Collector errors) {
        try {
            errors.throwIfAny();
            return List.of();
        } catch (InvalidInput e) {
            return e.errors();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> verified(HttpSession session) {
        Object v = session.getAttribute(VERIFIED);
        return v instanceof Set<?> s ? (Set<Long>) s : Set.of();
    }

    /**
     * Remembers a case the session may follow. The set is put into the session again after each change: the session
     * lives in the database (issue 30), which stores an attribute when it is set, not when its value changes.
     */
    private static void addVerified(HttpSession session, long caseId) {
        Set<Long> next = new HashSet<>(verified(session));
        next.add(caseId);
        session.setAttribute(VERIFIED, next);
    }
}
