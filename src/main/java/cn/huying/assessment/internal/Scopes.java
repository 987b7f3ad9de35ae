package cn.huying.assessment.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import org.springframework.stereotype.Component;

/** The region path prefix a query of a user counts under: their data scope, or a region inside it (else 404). */
@Component
public class Scopes {

    private final CurrentUsers users;
    private final Regions regions;

    Scopes(CurrentUsers users, Regions regions) {
        this.users = users;
        this.regions = regions;
    }

    /** The path prefix for {@code regionId} (null: the whole scope); a region outside the scope is not found. */
    public String prefix(CurrentUser user, Long regionId) {
        RegionScope scope = users.scopeOf(user);
        if (regionId == null) {
            return scope.pathPrefix();
        }
        return region(user, regionId).path();
    }

    /** A region inside the user's scope, else NOT_FOUND. */
    public RegionView region(CurrentUser user, long regionId) {
        return regions.get(regionId, users.scopeOf(user));
    }

    RegionScope scope(CurrentUser user) {
        return users.scopeOf(user);
    }

    static DomainException notFound() {
        return DomainException.notFound("assessment.region.not-found");
    }
}
