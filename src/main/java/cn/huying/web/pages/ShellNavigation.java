package cn.huying.web.pages;

import cn.huying.shared.HeaderBadge;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.NavItem;
import cn.huying.shared.Viewer;
import java.util.Comparator;
import java.util.List;

/**
 * The navigation, top-bar badges and home widgets the modules contribute, as the shell shows them to one user: only
 * what the user may see, in order. Used by the layout ({@code ${@shellNavigation.items(me, 'work')}},
 * {@code ${@shellNavigation.badges(me)}}) and the home page.
 */
@org.springframework.stereotype.Component("shellNavigation")
public class ShellNavigation {

    private final List<NavItem> items;
    private final List<HomeWidget> widgets;
    private final List<HeaderBadge> badges;

    ShellNavigation(List<NavItem> items, List<HomeWidget> widgets, List<HeaderBadge> badges) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.badges = badges.stream().sorted(Comparator.comparingInt(HeaderBadge::order)).toList();
        this.widgets = widgets.stream().sorted(Comparator.comparingInt(HomeWidget::order)).toList();
    }

    /** The links of {@code group} ({@link NavItem#WORK} or {@link NavItem#ADMIN}) the viewer may follow. */
    public List<NavItem> items(Viewer viewer, String group) {
        return items.stream().filter(i -> i.group().equals(group) && i.visibleTo(viewer)).toList();
    }

    /** The top-bar badges the viewer may see, in order. */
    public List<HeaderBadge> badges(Viewer viewer) {
        return badges.stream().filter(b -> b.visibleTo(viewer)).toList();
    }

    /** The home widgets the viewer may see, in order. */
    List<HomeWidget> widgets(Viewer viewer) {
        return widgets.stream().filter(w -> w.visibleTo(viewer)).toList();
    }
}
