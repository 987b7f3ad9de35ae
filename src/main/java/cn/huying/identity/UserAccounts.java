package cn.huying.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Facade for creating and finding user accounts (used by administration and demo data). */
public interface UserAccounts {

    /** A new account; the password is hashed before it is stored. */
    record NewUser(String username, String displayName, String rawPassword, Set<String> roles,
                   Long scopeRegionId, Long departmentId) {
    }

    /** An account as other modules see it; never carries the password hash. */
    record UserSummary(long id, String username, String displayName, Set<String> roles,
                       Long scopeRegionId, Long departmentId, boolean enabled) {
    }

    UserSummary create(NewUser user);

    Optional<UserSummary> findByUsername(String username);

    Optional<UserSummary> findById(long id);

    /** Enabled users of a department holding a role, e.g. the handlers of 物业办. */
    List<UserSummary> findByDepartmentAndRole(long departmentId, String role);

    /** Enabled users holding a role whose scope region lies on the given region's path (its ancestors or itself). */
    List<UserSummary> findByRoleCovering(String role, String regionPath);
}
