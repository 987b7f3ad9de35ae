package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.UserAccounts.UserSummary;
import cn.huying.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cutting a person off (issue 22): an administrator resets a password 重置密码, changes the roles or disables the
 * account 停用; a person changes their own password. Each ends every bearer token and every page session of the
 * person at once, on every node: the tokens are revoked in the database (every call checks them there) and the
 * page sessions, kept in the database (Spring Session), are deleted. A disabled account's API keys stop with it
 * (a key acts as an enabled account only).
 */
@Service
public class AccountControl {

    /** bcrypt reads at most 72 bytes; a longer password would be cut silently. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final TokenService tokens;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountControl(UserRepository users, TokenService tokens, FindByIndexNameSessionRepository<?> sessions, PasswordEncoder encoder,
                   AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.encoder = encoder;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A password as accounts take it: at least 8 characters, at most 72 bytes in UTF-8. */
    static void checkPassword(String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid("user.password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainException.invalid("user.password.too-long", MAX_PASSWORD_BYTES);
        }
    }

    @Transactional
    public void resetPassword(long userId, String newPassword) {
        UserSummary u = existing(userId);
        checkPassword(newPassword);
        setPassword(userId, newPassword);
        audit.record(AuditEvents.PASSWORD_RESET, "user:" + u.username(), null);
        cutOff(u);
    }

    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserSummary u = existing(userId);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(userId).query(String.class)
                .single();
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw DomainException.invalid("user.password.current-wrong");
        }
        checkPassword(newPassword);
        setPassword(userId, newPassword);
        audit.recordFor(u.username(), AuditEvents.PASSWORD_CHANGED, "user:" + u.username(), null);
        cutOff(u);
    }

    @Transactional
    public UserSummary setRoles(long userId, Set<String> roles) {
        UserSummary u = existing(userId);
        if (roles == null || roles.isEmpty()) {
            throw DomainException.invalid("user.roles.required");
        }
        for (String role : roles) {
            if (role == null || !users.roleExists(role)) {
                throw DomainException.invalid("user.role.unknown", role);
            }
        }
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(userId).update();
        roles.forEach(r -> users.addRole(userId, r));
        touch(userId);
        audit.record(AuditEvents.ROLES_CHANGED, "user:" + u.username(), String.join(",", roles));
        cutOff(u);
        return users.summaryById(userId).orElseThrow();
    }

    @Transactional
    public UserSummary setEnabled(long userId, boolean enabled) {
        UserSummary u = existing(userId);
        jdbc.sql("UPDATE app_user SET enabled = ?, updated_at = ? WHERE id = ?")
                .params(enabled, UserRepository.utc(clock.instant()), userId).update();
        audit.record(enabled ? AuditEvents.USER_ENABLED : AuditEvents.USER_DISABLED, "user:" + u.username(), null);
        if (!enabled) {
            cutOff(u);
        }
        return users.summaryById(userId).orElseThrow();
    }

    /** Every token and page session of the person ends now. */
    private void cutOff(UserSummary u) {
        int revoked = jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE user_id = ? AND revoked = FALSE")
                .param(u.id()).update();
        tokens.forgetUser(u.id());
        int expired = 0;
        for (String sessionId : java.util.List.copyOf(sessions.findByPrincipalName(u.username()).keySet())) {
            sessions.deleteById(sessionId);
            expired++;
        }
        audit.record(AuditEvents.TOKENS_REVOKED, "user:" + u.username(), revoked + " tokens, " + expired + " sessions");
    }

    private void setPassword(long userId, String raw) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?"
                + " WHERE id = ?").params(encoder.encode(raw), UserRepository.utc(clock.instant()), userId).update();
    }

    private void touch(long userId) {
        jdbc.sql("UPDATE app_user SET updated_at = ? WHERE id = ?").params(UserRepository.utc(clock.instant()), userId)
                .update();
    }

    private UserSummary existing(long userId) {
        return users.summaryById(userId).orElseThrow(() -> DomainException.notFound("user.not-found", userId));
    }
}
