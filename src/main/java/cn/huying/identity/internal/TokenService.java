package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expiring bearer tokens for API clients. Only the SHA-256 of a token is stored; a verified
 * token is remembered for a few seconds so that a busy client does not cost a query per call
 * (a revoked token is forgotten at once on this node, and within {@link #CACHE_TTL} on others).
 */
@Service
class TokenService {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    record IssuedToken(String token, Instant expiresAt) {
    }

    private record Cached(CurrentUser user, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final IdentityProperties props;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Cached> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(CACHE_TTL).build();

    TokenService(JdbcClient jdbc, UserRepository users, IdentityProperties props, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    IssuedToken issue(CurrentUser user) {
        String token = Secrets.newSecret("hyt_");
        Instant now = clock.instant();
        Instant expires = now.plus(props.tokenTtl());
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, FALSE)")
                .params(Secrets.sha256(token), user.id(), UserRepository.utc(now), UserRepository.utc(expires))
                .update();
        audit.recordFor(user.username(), AuditEvents.TOKEN_ISSUED, "user:" + user.username(), "expires " + expires);
        return new IssuedToken(token, expires);
    }

    Optional<CurrentUser> verify(String token) {
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Cached cached = verified.getIfPresent(hash);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return Optional.of(cached.user());
        }
        record Row(long userId, Instant expiresAt) {
        }
        Optional<Row> row = jdbc.sql("SELECT user_id, expires_at FROM api_token WHERE token_hash = ? AND revoked = FALSE")
                .param(hash)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional()
                .filter(r -> now.isBefore(r.expiresAt()));
        Optional<CurrentUser> user = row.flatMap(r -> users.principal(r.userId()));
        user.ifPresent(u -> verified.put(hash, new Cached(u, row.get().expiresAt())));
        return user;
    }

    /** Forgets every token of a person this node remembers (their revocation is in the database already). */
    void forgetUser(long userId) {
        verified.asMap().values().removeIf(c -> c.user().id() == userId);
    }

    @Transactional
    void revoke(String token) {
        String hash = Secrets.sha256(token);
        verified.invalidate(hash);
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(hash).update();
    }
}
