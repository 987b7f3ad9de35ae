package cn.huying.notify.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.notify.Inbox;
import cn.huying.shared.HeaderBadge;
import cn.huying.shared.Viewer;
import org.springframework.stereotype.Component;

/** The unread count 未读消息 beside the user's name in the top bar of every page, linking to the home page's messages. */
@Component
class InboxBadge implements HeaderBadge {

    private final CurrentUsers users;
    private final Inbox inbox;

    InboxBadge(CurrentUsers users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @Override
    public String id() {
        return "unread-badge";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String path() {
        return "/#notifications";
    }

    @Override
    public String labelKey() {
        return "nav.inbox";
    }

    @Override
    public String titleKey() {
        return "nav.inbox.unread";
    }

    @Override
    public boolean visibleTo(Viewer viewer) {
        return viewer != null;
    }

    @Override
    public long count(Viewer viewer) {
        return users.current().map(u -> inbox.unreadCount(u.id())).orElse(0L);
    }
}
