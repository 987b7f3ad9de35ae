package cn.huying.identity;

import java.util.Optional;

/** Access to the user of the current request and their data scope. */
public interface CurrentUsers {

    Optional<CurrentUser> current();

    /** The current user, or an error answered as 401 when nobody is signed in. */
    CurrentUser require();

    /** The data scope of the current user. */
    default RegionScope scope() {
        return scopeOf(require());
    }

    RegionScope scopeOf(CurrentUser user);
}
