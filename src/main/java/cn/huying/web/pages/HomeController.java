package cn.huying.web.pages;

import cn.huying.cases.CaseBoard;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in user's home page: the counts of their work queues (each a link to the queue) and
 * their notifications. A grid worker on a phone goes straight to the phone pages.
 */
@Controller
class HomeController {

    private final CurrentUsers users;
    private final CaseBoard board;

    HomeController(CurrentUsers users, CaseBoard board) {
        this.users = users;
        this.board = board;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("user", user);
        if (user.can("case:view")) {
            model.addAttribute("inbox", board.inbox(user));
            model.addAttribute("approvals", board.pendingApprovals(user));
        }
        model.addAttribute("gridWorker", user.hasRole(Roles.GRID_WORKER));
        model.addAttribute("dispatcher", user.hasRole(Roles.DISPATCHER));
        model.addAttribute("handler", user.hasRole(Roles.HANDLER));
        model.addAttribute("leader", user.hasRole(Roles.LEADER));
        model.addAttribute("admin", user.hasRole(Roles.ADMIN));
        model.addAttribute("citizen", user.hasRole(Roles.CITIZEN));
        return "home";
    }
}
