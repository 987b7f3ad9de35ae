package cn.huying.analytics.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import org.springframework.stereotype.Component;

/** The region path prefix a user's analytics read under: their scope, or a region inside it (else not found). */
@Component
public class AnalyticsScope {

    private final CurrentUsers users;
    private final Regions regions;

    AnalyticsScope(CurrentUsers users, Regions regions) {
        this.users = users;
        this.regions = regions;
    }

    public String prefix(CurrentUser user, Long regionId) {
        return regionId == null ? users.scopeOf(user).pathPrefix() : region(user, regionId).path();
    }

    public RegionView region(CurrentUser user, long regionId) {
        return regions.get(regionId, users.scopeOf(user));
    }

    /** The root region of the user's scope (the town of a town leader), if the scope has one. */
    public Long root(CurrentUser user) {
        return user.scopeRegionId();
    }
}
