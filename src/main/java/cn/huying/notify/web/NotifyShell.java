package cn.huying.notify.web;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.notify.Inbox;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.Viewer;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The notifications card on every signed-in user's home page: the latest unread messages, newest first. */
@Component
class NotifyShell implements HomeWidget {

    /** Unread notifications shown on the home page, newest first. */
    static final int NOTIFICATIONS = 8;

    private final CurrentUsers users;
    private final Inbox inbox;

    NotifyShell(CurrentUsers users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @Override
    public String id() {
        return "notifications";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean visibleTo(Viewer viewer) {
        return true;
    }

    @Override
    public String fragment() {
        return "notify/widgets :: notifications";
    }

    @Override
    public Map<String, Object> model(Viewer viewer) {
        CurrentUser user = users.require();
        return Map.of("notifications", inbox.latest(user.id(), true, NOTIFICATIONS),
                "unread", inbox.unreadCount(user.id()));
    }
}
