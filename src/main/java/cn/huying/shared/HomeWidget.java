package cn.huying.shared;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A card a module contributes to the signed-in user's home page (a bean of this type). The shell renders,
 * for each widget visible to the user, by {@link #order()}, the Thymeleaf fragment {@link #fragment()}
 * with the variables of {@link #model(Viewer)} in scope (as {@code w}).
 */
public interface HomeWidget {

    /** Stable id, used as the card's HTML id ({@code widget-<id>}). */
    String id();

    /** Place on the page: smaller first (cases 100–199, notifications 900 …). */
    int order();

    boolean visibleTo(Viewer viewer);

    /** A fragment expression without {@code ~{}}, e.g. {@code "mediation/widgets :: mine"}. */
    String fragment();

    /** The fragment's variables, computed for this request (the module finds the signed-in user itself). */
    Map<String, Object> model(Viewer viewer);

    /** A widget from its parts, for a module's {@code @Bean} method. */
    static HomeWidget of(String id, int order, Predicate<Viewer> visible, String fragment,
                         Function<Viewer, Map<String, Object>> model) {
        return new HomeWidget() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public boolean visibleTo(Viewer viewer) {
                return viewer != null && visible.test(viewer);
            }

            @Override
            public String fragment() {
                return fragment;
            }

            @Override
            public Map<String, Object> model(Viewer viewer) {
                return model.apply(viewer);
            }
        };
    }
}
