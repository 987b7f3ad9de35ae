package cn.huying.cases.web;

import cn.huying.cases.internal.HistoryChecks;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's 全程留痕核验 page: start a check, watch its progress, read the broken links it found. */
@Controller
class HistoryCheckPages {

    private final HistoryChecks checks;
    private final CurrentUsers users;

    HistoryCheckPages(HistoryChecks checks, CurrentUsers users) {
        this.checks = checks;
        this.users = users;
    }

    @GetMapping("/admin/history-checks")
    @PreAuthorize("hasAuthority('history:verify')")
    String list(Model model) {
        model.addAttribute("runs", checks.recent(20));
        return "admin/history-checks";
    }

    @PostMapping("/admin/history-checks")
    @PreAuthorize("hasAuthority('history:verify')")
    String start(@RequestParam(required = false) String scope, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            HistoryChecks.Run run = checks.start(checks.scope(scope, user), user.username());
            return "redirect:/admin/history-checks/" + run.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/admin/history-checks";
        }
    }

    @GetMapping("/admin/history-checks/{id}")
    @PreAuthorize("hasAuthority('history:verify')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("run", checks.find(id).orElseThrow(() -> DomainException.notFound("history.check.not-found", id)));
        return "admin/history-check";
    }
}
