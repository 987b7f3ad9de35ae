package cn.huying.cases.web;

import cn.huying.cases.internal.TimeLimitService;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Supervision orders 督办单 for the command centre, leaders and departments, in the user's data scope, twenty a page
 * (only the unanswered ones with {@code ?open=true}). The deadline ledgers 台账 beside them are analytics' pages.
 */
@Controller
class SupervisionPagesController {

    static final int PAGE_SIZE = 20;

    private final TimeLimitService timeLimits;
    private final CurrentUsers users;

    SupervisionPagesController(TimeLimitService timeLimits, CurrentUsers users) {
        this.timeLimits = timeLimits;
        this.users = users;
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAuthority('supervision:view')")
    String supervision(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean open,
                       Model model) {
        CurrentUser user = users.require();
        model.addAttribute("open", open);
        model.addAttribute("result", timeLimits.supervisionOrders(user, open,
                new PageRequest(Math.max(0, page), PAGE_SIZE)));
        return "cases/supervision";
    }
}
