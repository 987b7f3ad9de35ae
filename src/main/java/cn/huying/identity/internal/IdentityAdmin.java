package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.identity.UserAccounts.UserSummary;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What this module's controllers need beyond the public API: tokens, API keys, the user list
 * within the caller's scope, and reading the audit log. Public only so the module's own
 * {@code api} package can reach it; other modules may not (Spring Modulith verifies that).
 */
@Service
public class IdentityAdmin {

    public record Issued(String token, Instant expiresAt) {
    }

    public record AuditEntry(long id, Instant at, String username, String eventType, String target, String detail,
                             String remoteAddr) {
    }

    private final LoginService logins;
    private final TokenService tokens;
    private final ApiKeyService apiKeys;
    private final UserRepository users;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;

    IdentityAdmin(LoginService logins, TokenService tokens, ApiKeyService apiKeys, UserRepository users,
                  CurrentUsers currentUsers, JdbcClient jdbc) {
        this.logins = logins;
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.users = users;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
    }

    /** Checks the password (with slowing and lock-out) and issues a bearer token. */
    public Issued issueToken(String username, String password) {
        CurrentUser user = logins.authenticate(username, password);
        TokenService.IssuedToken t = tokens.issue(user);
        return new Issued(t.token(), t.expiresAt());
    }

    public void revokeToken(String token) {
        tokens.revoke(token);
    }

    public ApiKeyService.IssuedKey issueApiKey(long userId, String name) {
        return apiKeys.issue(userId, name, currentUsers.require().username());
    }

    public void revokeApiKey(long id) {
        apiKeys.revoke(id);
    }

    public List<ApiKeyService.KeyInfo> apiKeys() {
        return apiKeys.list();
    }

    /** Users whose scope lies within the caller's scope. */
    public PageResult<UserSummary> users(String q, PageRequest page) {
        RegionScope scope = currentUsers.scope();
        List<UserSummary> items = users.page(scope.likePattern(), scope.unrestricted(), q, page.size(), page.offset());
        long total = users.count(scope.likePattern(), scope.unrestricted(), q);
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public PageResult<AuditEntry> audit(String eventType, String username, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (eventType != null && !eventType.isBlank()) {
            where.append(" AND event_type = ?");
            params.add(eventType);
        }
        if (username != null && !username.isBlank()) {
            where.append(" AND username = ?");
            params.add(username);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = jdbc.sql("SELECT id, at, username, event_type, target, detail, remote_addr FROM audit_log"
                        + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
