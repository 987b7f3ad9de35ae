package cn.huying.notify.web;

import cn.huying.identity.CurrentUser;
import cn.huying.notify.Inbox;
import org.springframework.stereotype.Component;

/**
 * The unread count beside the user's name in the top bar of every page, asked only when a page with
 * a signed-in user is rendered ({@code ${@inboxBadge.unread(me)}} in the layout).
 */
@Component("inboxBadge")
public class InboxBadge {

    private final Inbox inbox;

    InboxBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Unread messages of the user; 0 when nobody is signed in. */
    public long unread(CurrentUser user) {
        return user == null ? 0 : inbox.unreadCount(user.id());
    }
}
