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
 * The key is shown once; only its SHA-256 and a short prefix for recognition are stored.
 */
@Service
public class ApiKeyService implements ApiKeys {

    public record IssuedKey(long id, String name, String key, String prefix) {
    }

    public record KeyInfo(long id, String name, String prefix, String username, String createdBy, Instant createdAt,
                   Instant revokedAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, CurrentUser> verified = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    ApiKeyService(JdbcClient jdbc, UserRepository users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
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
        verified.invalidateAll();
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
        CurrentUser cached = verified.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CurrentUser> user = jdbc.sql("SELECT user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash).query(Long.class).optional()
                .flatMap(users::principal);
        user.ifPresent(u -> {
            verified.put(hash, u);
            jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE key_hash = ?")
                    .params(UserRepository.utc(clock.instant()), hash).update();
        });
        return user;
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
