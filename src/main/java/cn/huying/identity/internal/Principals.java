package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A person's roles, permissions and scope as a credential check needs them, remembered briefly per account and
 * account change ({@code app_user.updated_at}, which changing roles, disabling or a new password moves). Whether a
 * token or key still holds is never remembered: that is one indexed query per call, so a revocation holds on every
 * node at once (issue 30). A change to a role's permissions reaches a node within {@link #TTL}.
 */
@Component
class Principals {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Key(long userId, Instant updatedAt) {
    }

    private final UserRepository users;
    private final Cache<Key, CurrentUser> cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL).build();

    Principals(UserRepository users) {
        this.users = users;
    }

    /** The enabled account as of its change {@code updatedAt}; empty if it is disabled or gone. */
    Optional<CurrentUser> of(long userId, Instant updatedAt) {
        Key key = new Key(userId, updatedAt);
        CurrentUser known = cache.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CurrentUser> user = users.principal(userId);
        user.ifPresent(u -> cache.put(key, u));
        return user;
    }

    void forget(long userId) {
        cache.asMap().keySet().removeIf(k -> k.userId() == userId);
    }
}
