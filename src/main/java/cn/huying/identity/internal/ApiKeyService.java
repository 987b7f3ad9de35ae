package cn.huying.identity.internal;

import cn.huying.identity.ApiKeys;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for systems (the 12345 hotline, Open311 clients). An administrator issues a key
 * for an account (usually one with the SYSTEM role); the key then acts as that account.
 * The key is shown once; only its SHA-256 and a short prefix for recognition are stored. Every call checks the key
 * in the database (one query on its unique hash, joined to the account), so a revoked key is refused at once on every
 * node (issue 30: before, a node remembered a verified key for 30 s and a revoked key kept working elsewhere);
 * only the account's roles are remembered briefly ({@link Principals}), and the key's last use is written at most
 * once a minute per node.
 */
@Service
public class ApiKeyService implements ApiKeys {

    /** Flashed to the next page, so stored in the session, which is in the database (issue 30): serializable. */
    public record IssuedKey(long id, String name, String key, String prefix) implements java.io.Serializable {
    }

    public record KeyInfo(long id, String name, String prefix, String username, String createdBy, Instant createdAt,
                   Instant revokedAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private static final Duration LAST_USE_EVERY = Duration.ofMinutes(1);

    private final UserRepository users;
    private final Principals principals;
    private final AuditLog audit;
    private final Clock clock;
    /** When this node last wrote a key's {@code last_used_at}. */
    private final Cache<String, Instant> lastUseWritten = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(LAST_USE_EVERY).build();

    ApiKeyService(JdbcClient jdbc, UserRepository users, Principals principals, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.principals = principals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    IssuedKey issue(long userId, String name, String issuedBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("apikey.name.invalid");
        }
        users.summaryById(userId).orElseThrow(() -> DomainException.notFound("user.not-found", userId));
        String key = Secrets.newSecret("hyk_");
        String prefix = key.substring(0, 10);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name.strip(), prefix, Secrets.sha256(key), userId, issuedBy, UserRepository.utc(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEvents.APIKEY_ISSUED, "apikey:" + id, name + " for user " + userId);
        return new IssuedKey(id, name.strip(), key, prefix);
    }

    @Transactional
    void revoke(long id) {
        int n = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(UserRepository.utc(clock.instant()), id).update();
        if (n == 0) {
            throw DomainException.notFound("apikey.not-found", id);
        }
        audit.record(AuditEvents.APIKEY_REVOKED, "apikey:" + id, null);
    }

    List<KeyInfo> list() {
        return jdbc.sql("""
                SELECT k.id, k.name, k.key_prefix, u.username, k.created_by, k.created_at, k.revoked_at, k.last_used_at
                FROM api_key k JOIN app_user u ON u.id = k.user_id ORDER BY k.id""")
                .query((rs, n) -> new KeyInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), toInstant(rs.getObject(6, OffsetDateTime.class)),
                        toInstant(rs.getObject(7, OffsetDateTime.class)), toInstant(rs.getObject(8, OffsetDateTime.class))))
                .list();
    }

    @Override
    public Optional<CurrentUser> verify(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(key);
        record Row(long userId, Instant updatedAt) {
        }
        Optional<CurrentUser> user = jdbc.sql("""
                        SELECT k.user_id, u.updated_at FROM api_key k JOIN app_user u ON u.id = k.user_id
                        WHERE k.key_hash = ? AND k.revoked_at IS NULL AND u.enabled = TRUE""")
                .param(hash)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional()
                .flatMap(r -> principals.of(r.userId(), r.updatedAt()));
        if (user.isPresent() && lastUseWritten.getIfPresent(hash) == null) {
            Instant now = clock.instant();
            lastUseWritten.put(hash, now);
            jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE key_hash = ?").params(UserRepository.utc(now), hash)
                    .update();
        }
        return user;
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
