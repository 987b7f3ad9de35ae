package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.RegionScope;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the signed-in user from Spring Security and resolves their scope region to a path. */
@Component
class SecurityCurrentUsers implements CurrentUsers {

    /** Scope of a user whose scope region no longer exists: matches nothing. */
    private static final RegionScope NOTHING = new RegionScope("/0/", null);

    private final RegionPathLookup paths;

    SecurityCurrentUsers(RegionPathLookup paths) {
        this.paths = paths;
    }

    @Override
    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    @Override
    public CurrentUser require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no user"));
    }

    @Override
    public RegionScope scopeOf(CurrentUser user) {
        if (user.scopeRegionId() == null) {
            return new RegionScope("/", user.departmentId());
        }
        return paths.pathOf(user.scopeRegionId())
                .map(p -> new RegionScope(p, user.departmentId()))
                .orElse(NOTHING);
    }
}
