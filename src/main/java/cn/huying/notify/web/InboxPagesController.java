package cn.huying.notify.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.notify.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Marks one of the user's notifications read from the home page (someone else's, or one already read, changes nothing). */
@Controller
class InboxPagesController {

    private final CurrentUsers users;
    private final Inbox inbox;

    InboxPagesController(CurrentUsers users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable long id) {
        inbox.markRead(users.require().id(), id);
        return "redirect:/#notifications";
    }
}
