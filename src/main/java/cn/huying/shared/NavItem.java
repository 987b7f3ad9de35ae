package cn.huying.shared;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A link a module contributes to the shell's navigation (a bean of this type in the module's {@code web}
 * package). The shell shows the items visible to the signed-in user, by {@link #order()}; it knows no module.
 *
 * @param group    {@link #WORK} for the top bar, {@link #ADMIN} for the administration links (top bar and
 *                 the administrator's home card)
 * @param path     the page's path, e.g. {@code /mediation/disputes}
 * @param labelKey the message key of the label, in the module's bundle {@code i18n/<module>.properties}
 * @param order    place in the bar: cases 100–199, calendar 800, … (see docs/adding-a-module.md)
 * @param visible  who sees the link, e.g. {@code v -> v.can(MediationPermissions.VIEW)}
 */
public record NavItem(String group, String path, String labelKey, int order, Predicate<Viewer> visible) {

    public static final String WORK = "work";
    public static final String ADMIN = "admin";

    public NavItem {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(visible, "visible");
    }

    /** A top-bar link for those holding {@code permission}. */
    public static NavItem work(String path, String labelKey, int order, String permission) {
        return new NavItem(WORK, path, labelKey, order, v -> v.can(permission));
    }

    /** An administration link for those holding {@code permission}. */
    public static NavItem admin(String path, String labelKey, int order, String permission) {
        return new NavItem(ADMIN, path, labelKey, order, v -> v.can(permission));
    }

    public boolean visibleTo(Viewer viewer) {
        return viewer != null && visible.test(viewer);
    }
}
