package cn.huying.mediation.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.mediation.MediationPermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Which disputes a user sees, as a SQL condition on {@code d} (the dispute) with typed parameters: with
 * {@link MediationPermissions#VIEW_ALL}, every dispute in the user's region scope; otherwise those of an
 * organisation the user serves in, those the user mediates or is invited to, and those a court the user serves in
 * entrusted.
 */
record Visibility(long userId, String regionLike) {

    static Visibility of(CurrentUser user, RegionScope scope) {
        return new Visibility(user.id(), user.can(MediationPermissions.VIEW_ALL) ? scope.likePattern() : null);
    }

    String condition() {
        String mine = "EXISTS (SELECT 1 FROM mediation_member m WHERE m.user_id = ? AND (m.org_id = d.org_id"
                + " OR m.org_id = d.court_org_id))"
                + " OR EXISTS (SELECT 1 FROM dispute_mediator x WHERE x.dispute_id = d.id AND x.user_id = ?)";
        return regionLike == null ? "(" + mine + ")" : "(d.region_path LIKE ? OR " + mine + ")";
    }

    List<Object> params() {
        List<Object> p = new ArrayList<>();
        if (regionLike != null) {
            p.add(regionLike);
        }
        p.add(userId);
        p.add(userId);
        return p;
    }
}
