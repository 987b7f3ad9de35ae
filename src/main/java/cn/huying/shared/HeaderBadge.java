package cn.huying.shared;

/**
 * A count a module shows in the top bar of every signed-in page, beside the user's name, as a link (notify's unread
 * messages 消息 is one): a bean of this type in the module's {@code web} package. The shell shows the badges the viewer
 * may see, by {@link #order()}, and asks each for its count once per page; it knows no module.
 */
public interface HeaderBadge {

    /** The element's id on the page, stable for scripts and tests, e.g. {@code unread-badge}. */
    String id();

    /** Place among the badges, smallest first. */
    int order();

    /** Where the badge links, e.g. {@code /#notifications}. */
    String path();

    /** The message key of the label, in the module's bundle. */
    String labelKey();

    /** The message key of the title read out with the count as {@code {0}}, e.g. "未读消息 {0} 条". */
    String titleKey();

    boolean visibleTo(Viewer viewer);

    /** The viewer's count now. */
    long count(Viewer viewer);
}
