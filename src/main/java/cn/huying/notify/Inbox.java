package cn.huying.notify;

import java.util.List;

/** A user's in-app inbox, for pages of other modules (the home page shows the latest messages). */
public interface Inbox {

    long unreadCount(long userId);

    /** The newest messages, unread first where {@code unreadOnly}. */
    List<InboxMessage> latest(long userId, boolean unreadOnly, int limit);

    /** Marks one message read; false when it is not this user's or already read. */
    boolean markRead(long userId, long messageId);
}
