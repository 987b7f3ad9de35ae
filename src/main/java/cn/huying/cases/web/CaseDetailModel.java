package cn.huying.cases.web;

import cn.huying.cases.SupervisionLevel;
import cn.huying.cases.SupervisionOrder;
import cn.huying.cases.internal.LeaderSupervision;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.internal.TimeLimitReads;
import cn.huying.cases.internal.TimeLimitService;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.DepartmentView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the case page shows, for the page itself and for the forms that come back to it with
 * errors: facts, history, the actions this user may take now and the time-limit forms that apply.
 */
@Component
class CaseDetailModel {

    /**
     * The time-limit part of the case page: which forms apply to this user now, and the case's
     * extension requests. The service checks all of it again; this only keeps a form off the page
     * when it would be refused.
     *
     * @param firstContact      record first contact 首次联系 (a first-contact limit applies, not yet contacted)
     * @param extension         ask for an extension 延期 (before the deadline, none waiting)
     * @param progress          record staged progress 阶段性进展 (past the deadline)
     * @param maxExtensionDays  the most working days one extension may add
     * @param extensions        the case's extension requests, newest first
     * @param names             display names of the people in {@code extensions}
     * @param canDecide         the user may approve or refuse a waiting request
     * @param today             today in the platform's zone (earliest promised date)
     */
    record TimeLimitPanel(boolean firstContact, boolean extension, boolean progress, int maxExtensionDays,
                          List<TimeLimitService.Extension> extensions, Map<Long, String> names, boolean canDecide,
                          LocalDate today) {

        public boolean pending() {
            return extensions.stream().anyMatch(e -> e.status() == cn.huying.cases.ExtensionStatus.PENDING);
        }

        public boolean any() {
            return firstContact || extension || progress;
        }
    }

    private final Cases cases;
    private final CasePages pages;
    private final TimeLimitService timeLimits;
    private final TimeLimitReads reads;
    private final UserAccounts accounts;
    private final LeaderSupervision supervision;
    private final Clock clock;

    CaseDetailModel(Cases cases, CasePages pages, TimeLimitService timeLimits, TimeLimitReads reads,
                    UserAccounts accounts, LeaderSupervision supervision, Clock clock) {
        this.cases = cases;
        this.clock = clock;
        this.pages = pages;
        this.timeLimits = timeLimits;
        this.reads = reads;
        this.accounts = accounts;
        this.supervision = supervision;
    }

    void fill(Model model, CaseView c, CurrentUser user) {
        model.addAttribute("c", c);
        model.addAttribute("history", cases.history(c.id(), user));
        model.addAttribute("noteRequired", CaseDetailController.NOTE_REQUIRED);
        model.addAttribute("withFiles", CaseDetailController.WITH_FILES);
        model.addAttribute("satisfactions", Satisfaction.values());
        if (c.allowedActions().contains(CaseAction.MERGE)) {
            model.addAttribute("duplicates", cases.duplicates(c.id(), user));
        }
        if (c.allowedActions().contains(CaseAction.DISPATCH)) {
            List<DepartmentView> targets = pages.dispatchTargets(user);
            model.addAttribute("departments", targets);
            model.addAttribute("suggested", pages.suggested(c, targets).map(DepartmentView::id).orElse(null));
        }
        model.addAttribute("canSeeContact", user.can("case:view-contact"));
        model.addAttribute("tl", panel(c, user));
        // 督办: the case's orders; a leader may open one on an open case, the department answers its own
        var orders = supervision.ofCase(c.id(), user);
        model.addAttribute("orders", orders);
        model.addAttribute("canOpenSupervision", user.can(LeaderSupervision.OPEN) && c.state().open()
                && c.state() != CaseState.RESOLVED && c.state() != CaseState.VERIFIED);
        model.addAttribute("answerable", orders.stream().filter(o -> o.open() && user.can(LeaderSupervision.ANSWER)
                && (user.hasRole(Roles.DISPATCHER) || (o.departmentId() != null && o.departmentId().equals(user.departmentId()))))
                .map(SupervisionOrder::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("supervisionLevels", SupervisionLevel.values());
    }

    TimeLimitPanel panel(CaseView c, CurrentUser user) {
        List<TimeLimitService.Extension> extensions = timeLimits.extensions(c.id(), user);
        Map<Long, String> names = new HashMap<>();
        for (TimeLimitService.Extension e : extensions) {
            names.computeIfAbsent(e.requestedBy(), this::name);
            if (e.decidedBy() != null) {
                names.computeIfAbsent(e.decidedBy(), this::name);
            }
        }
        boolean pending = extensions.stream().anyMatch(e -> e.status() == cn.huying.cases.ExtensionStatus.PENDING);
        CaseView.TimeLimits tl = c.timeLimits();
        Instant now = reads.now();
        boolean withDepartment = (c.state() == CaseState.DISPATCHED || c.state() == CaseState.ACCEPTED)
                && (user.hasRole(Roles.DISPATCHER)
                || (user.departmentId() != null && user.departmentId().equals(c.departmentId())));
        boolean due = tl != null && tl.dueAt() != null;
        boolean firstContact = withDepartment && user.can("case:first-contact") && tl != null
                && tl.firstContactDueAt() != null && tl.firstContactedAt() == null;
        boolean extension = withDepartment && user.can("case:extend") && due && now.isBefore(tl.dueAt()) && !pending;
        boolean progress = withDepartment && user.can("case:progress") && due && !now.isBefore(tl.dueAt());
        return new TimeLimitPanel(firstContact, extension, progress, reads.maxExtensionDays(), extensions, names,
                pending && user.can("extension:approve"), LocalDate.ofInstant(now, clock.getZone()));
    }

    /** A user's display name, for the people named beside extension requests. */
    String name(Long userId) {
        return accounts.findById(userId).map(UserAccounts.UserSummary::displayName).orElse("#" + userId);
    }
}
