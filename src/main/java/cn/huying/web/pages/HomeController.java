package cn.huying.web.pages;

import cn.huying.cases.CaseBoard;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.notify.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's home page: the counts of their work queues (each a link to the queue), the
 * extension requests waiting for them (a link to the approvals page) and their latest unread
 * notifications, each marked read with one click. A grid worker on a phone goes straight to the phone pages.
 */
@Controller
class HomeController {

    /** Unread notifications shown on the home page, newest first. */
    static final int NOTIFICATIONS = 8;

    private final CurrentUsers users;
    private final CaseBoard board;
    private final Inbox inbox;

    HomeController(CurrentUsers users, CaseBoard board, Inbox inbox) {
        this.users = users;
        this.board = board;
        this.inbox = inbox;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("user", user);
        if (user.can("case:view")) {
            model.addAttribute("inbox", board.inbox(user));
            model.addAttribute("approvals", board.pendingApprovals(user));
        }
        model.addAttribute("notifications", inbox.latest(user.id(), true, NOTIFICATIONS));
        model.addAttribute("unread", inbox.unreadCount(user.id()));
        model.addAttribute("gridWorker", user.hasRole(Roles.GRID_WORKER));
        model.addAttribute("dispatcher", user.hasRole(Roles.DISPATCHER));
        model.addAttribute("handler", user.hasRole(Roles.HANDLER));
        model.addAttribute("leader", user.hasRole(Roles.LEADER));
        model.addAttribute("admin", user.hasRole(Roles.ADMIN));
        model.addAttribute("citizen", user.hasRole(Roles.CITIZEN));
        return "home";
    }

    /** Marks one of the user's notifications read (someone else's, or one already read, changes nothing). */
    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable long id, RedirectAttributes redirect) {
        inbox.markRead(users.require().id(), id);
        return "redirect:/#notifications";
    }
}
