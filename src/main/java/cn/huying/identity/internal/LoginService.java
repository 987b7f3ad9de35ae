package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password for both the login page and {@code POST /api/auth/token}.
 * Repeated failures are slowed (each attempt after {@code slowAfter} failures must wait 2, 4, 8 …
 * seconds after the last failure) and then locked for {@code lockDuration}; every outcome is audited.
 */
@Service
class LoginService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final IdentityProperties props;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final String dummyHash;

    LoginService(UserRepository users, PasswordEncoder encoder, IdentityProperties props, AuditLog audit,
                 MessageSource messages, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.props = props;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    CurrentUser authenticate(String username, String password) {
        String name = username == null ? "" : username.strip();
        var found = users.credentials(name);
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            audit.recordFor(name, AuditEvents.LOGIN_FAILURE, "user:" + name, "unknown user");
            throw refused("login.bad-credentials", HttpStatus.UNAUTHORIZED, 0);
        }
        UserRepository.Credentials c = found.get();
        Instant now = clock.instant();
        if (!c.enabled()) {
            audit.recordFor(name, AuditEvents.LOGIN_FAILURE, "user:" + name, "disabled");
            throw refused("login.disabled", HttpStatus.UNAUTHORIZED, 0);
        }
        if (c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
            audit.recordFor(name, AuditEvents.LOGIN_LOCKED, "user:" + name, "locked until " + c.lockedUntil());
            throw refused("login.locked", HttpStatus.LOCKED,
                    Duration.between(now, c.lockedUntil()).toSeconds() + 1, HH_MM.format(c.lockedUntil()));
        }
        IdentityProperties.Login rules = props.login();
        if (c.failedAttempts() >= rules.slowAfter() && c.lastFailedAt() != null) {
            Instant nextAllowed = c.lastFailedAt().plus(backoff(c.failedAttempts(), rules));
            if (now.isBefore(nextAllowed)) {
                long wait = Math.max(1, Duration.between(now, nextAllowed).toSeconds() + 1);
                audit.recordFor(name, AuditEvents.LOGIN_THROTTLED, "user:" + name, "wait " + wait + "s");
                throw refused("login.throttled", HttpStatus.TOO_MANY_REQUESTS, wait, wait);
            }
        }
        if (password == null || !encoder.matches(password, c.passwordHash())) {
            int failures = users.recordFailure(c.id(), now);
            if (failures >= rules.lockAfter()) {
                Instant until = now.plus(rules.lockDuration());
                users.lock(c.id(), until);
                audit.recordFor(name, AuditEvents.ACCOUNT_LOCKED, "user:" + name, failures + " failures");
                throw refused("login.locked", HttpStatus.LOCKED, rules.lockDuration().toSeconds(), HH_MM.format(until));
            }
            audit.recordFor(name, AuditEvents.LOGIN_FAILURE, "user:" + name, failures + " failures");
            throw refused("login.bad-credentials", HttpStatus.UNAUTHORIZED, 0);
        }
        users.recordSuccess(c.id());
        CurrentUser user = users.principal(c.id()).orElseThrow();
        audit.recordFor(name, AuditEvents.LOGIN_SUCCESS, "user:" + name, null);
        return user;
    }

    private static Duration backoff(int failures, IdentityProperties.Login rules) {
        int exponent = Math.min(10, failures - rules.slowAfter() + 1);
        return Duration.ofSeconds(1L << exponent);
    }

    private LoginRefusedException refused(String key, HttpStatus status, long retryAfter, Object... args) {
        return new LoginRefusedException(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE), status, retryAfter);
    }
}
