package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.ServiceAccounts;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks up the principal of a service account (the citizen portal) without a login. */
@Service
class ServiceAccountService implements ServiceAccounts {

    private final UserRepository users;

    ServiceAccountService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<CurrentUser> principal(String username) {
        if (!CITIZEN_PORTAL.equals(username)) {
            return Optional.empty();
        }
        return users.summaryByUsername(username).flatMap(u -> users.principal(u.id()));
    }
}
