package cn.huying.identity;

import cn.huying.shared.Viewer;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The signed-in user as the rest of the platform sees it: who, which roles and permissions,
 * and the data scope (a region subtree, plus a department for handlers).
 *
 * @param scopeRegionId root of the user's data scope; {@code null} means the whole tree (administrators)
 * @param departmentId  the department a handler works for; {@code null} for everyone else
 */
public record CurrentUser(long id, String username, String displayName, Set<String> roles,
                          Set<String> permissions, Long scopeRegionId, Long departmentId) implements Serializable, Principal, Viewer {

    public CurrentUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /**
     * The user name: what Spring Security and Spring Session call the principal's name (a session is found by it
     * on every node when a person is cut off; issue 30).
     */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
