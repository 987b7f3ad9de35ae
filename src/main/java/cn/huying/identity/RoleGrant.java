package cn.huying.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Permissions a module grants a role (a bean of this type in the module). At start, {@code identity} creates
 * the role if it is new (with {@code roleName}) and adds the permissions it lacks; it never removes any, so an
 * administrator's grants survive restarts. Modules register this way instead of inserting into
 * {@code role_permission}.
 *
 * @param role        role code, e.g. {@link Roles#MEDIATOR} or a module's new role such as {@code BANK}
 * @param roleName    the role's Chinese name, used when the role is created
 * @param permissions the module's permission constants granted to the role
 */
public record RoleGrant(String role, String roleName, Set<String> permissions) {

    public RoleGrant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(roleName, "roleName");
        permissions = Set.copyOf(permissions);
    }

    public static RoleGrant of(String role, String roleName, String... permissions) {
        return new RoleGrant(role, roleName, Set.of(permissions));
    }
}
