package cn.huying.cases.internal;

import cn.huying.identity.CurrentUser;
import java.util.Set;

/** Who acts on a case: the user, their roles and, for handlers, their department. */
public record Actor(long userId, String name, Set<String> roles, Long departmentId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName(), user.roles(), user.departmentId());
    }
}
