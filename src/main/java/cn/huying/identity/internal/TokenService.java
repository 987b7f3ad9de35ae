package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expiring bearer tokens for API clients. Only the SHA-256 of a token is stored. Every call checks the token in the
 * database (one query on its primary key, joined to the account), so a revoked token, or one of a disabled account,
 * is refused at once on every node (issue 30: before, each node remembered a verified token for 30 s); only the
 * account's roles and permissions are remembered briefly ({@link Principals}).
 */
@Service
class TokenService {

    record IssuedToken(String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final IdentityProperties props;
    private final AuditLog audit;
    private final Clock clock;
    private final Principals principals;

    TokenService(JdbcClient jdbc, Principals principals, IdentityProperties props, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.principals = principals;
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
        record Row(long userId, Instant updatedAt) {
        }
        return jdbc.sql("""
                        SELECT t.user_id, u.updated_at FROM api_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.revoked = FALSE AND t.expires_at > ? AND u.enabled = TRUE""")
                .params(hash, UserRepository.utc(now))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional()
                .flatMap(r -> principals.of(r.userId(), r.updatedAt()));
    }

    /** Forgets the roles this node remembers for a person (their tokens are refused by the database already). */
    void forgetUser(long userId) {
        principals.forget(userId);
    }

    @Transactional
    void revoke(String token) {
        String hash = Secrets.sha256(token);
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(hash).update();
    }
}
