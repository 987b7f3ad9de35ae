package cn.huying.cases.web;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.internal.ServiceLoopReads;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 回访: the closed cases the command centre must revisit, with their lights, and the ledger of missed revisits. */
@Controller
class RevisitPagesController {

    private static final int PAGE_SIZE = 50;

    private final ServiceLoopReads loop;
    private final CurrentUsers users;

    RevisitPagesController(ServiceLoopReads loop, CurrentUsers users) {
        this.loop = loop;
        this.users = users;
    }

    @GetMapping("/revisits")
    @PreAuthorize(CasePermissions.HAS_REVISIT_AND_LEDGER_VIEW)
    String revisits(@RequestParam(defaultValue = "due") String status, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        String which = "missed".equals(status) ? "missed" : "due";
        model.addAttribute("which", which);
        model.addAttribute("result", loop.revisits(which, users.require(), new PageRequest(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("base", "/revisits?status=" + which);
        return "cases/revisits";
    }
}
