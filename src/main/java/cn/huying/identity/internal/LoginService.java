package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a username and password for both the login page and {@code POST /api/auth/token}.
 * Repeated failures are slowed (each attempt after {@code slowAfter} failures must wait 2, 4, 8 …
 * seconds after the last failure) and then locked for {@code lockDuration}; every outcome is audited.
 * <p>
 * Each attempt is counted before its password is checked, by a conditional update that only one of several
 * parallel attempts wins ({@link UserRepository#claimAttempt}): the others are slowed without a check, so at most
 * {@code lockAfter} passwords are checked before the lock. An unknown user name goes through the same steps (in
 * {@link LoginAttempts}), and a disabled account answers as a wrong password, so the replies do not tell whether
 * a name exists. One client address may fail {@code addressLimit} times per {@code addressWindow}.
 */
@Service
class LoginService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm"); // in the clock's zone
    /** How often an attempt that lost the race re-reads the count before it is answered "wait". */
    private static final int CLAIM_TRIES = 3;

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final IdentityProperties props;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final String dummyHash;

    LoginService(UserRepository users, LoginAttempts attempts, PasswordEncoder encoder, IdentityProperties props,
                 AuditLog audit, MessageSource messages, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.encoder = encoder;
        this.props = props;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    CurrentUser authenticate(String username, String password) {
        String name = username == null ? "" : username.strip();
        IdentityProperties.Login rules = props.login();
        Instant now = clock.instant();
        String address = clientAddress();
        if (attempts.addressBlocked(address, rules.addressLimit(), rules.addressWindow(), now)) {
            audit.recordFor(name, AuditEvents.LOGIN_THROTTLED, "user:" + name, "address " + address);
            throw refused("login.address-throttled", HttpStatus.TOO_MANY_REQUESTS, rules.addressWindow().toSeconds());
        }
        Optional<UserRepository.Credentials> found = Optional.empty();
        LoginAttempts.State seen = null;
        for (int tries = 0; tries < CLAIM_TRIES && seen == null; tries++) {
            found = users.credentials(name);
            LoginAttempts.State state = found.map(c -> new LoginAttempts.State(c.failedAttempts(), c.lastFailedAt(),
                    c.lockedUntil())).orElseGet(() -> attempts.unknownName(name));
            refuseIfLockedOrSlowed(name, state, now, rules);
            boolean claimed = found.isPresent() ? users.claimAttempt(found.get().id(), state.failures(), now)
                    : attempts.claimUnknownName(name, state, now);
            if (claimed) {
                seen = state;
            }
        }
        if (seen == null) {
            // parallel attempts on this name: one is checked, the others wait like a slowed attempt
            audit.recordFor(name, AuditEvents.LOGIN_THROTTLED, "user:" + name, "parallel attempts");
            throw refused("login.throttled", HttpStatus.TOO_MANY_REQUESTS, 2, 2);
        }
        UserRepository.Credentials c = found.orElse(null);
        boolean right = encoder.matches(password == null ? "" : password, c == null ? dummyHash : c.passwordHash())
                && c != null && c.enabled() && password != null;
        if (!right) {
            attempts.addressFailed(address, rules.addressWindow(), now);
            int failures = seen.failures() + 1;
            String why = c == null ? "unknown user" : !c.enabled() ? "disabled" : failures + " failures";
            if (failures >= rules.lockAfter()) {
                Instant until = now.plus(rules.lockDuration());
                if (c == null) {
                    attempts.lockUnknownName(name, until);
                } else {
                    users.lock(c.id(), until);
                }
                audit.recordFor(name, AuditEvents.ACCOUNT_LOCKED, "user:" + name, why);
                throw refused("login.locked", HttpStatus.LOCKED, rules.lockDuration().toSeconds(),
                        HH_MM.format(until.atZone(clock.getZone())));
            }
            audit.recordFor(name, AuditEvents.LOGIN_FAILURE, "user:" + name, why);
            throw refused("login.bad-credentials", HttpStatus.UNAUTHORIZED, 0);
        }
        users.recordSuccess(c.id());
        CurrentUser user = users.principal(c.id()).orElseThrow();
        audit.recordFor(name, AuditEvents.LOGIN_SUCCESS, "user:" + name, null);
        return user;
    }

    private void refuseIfLockedOrSlowed(String name, LoginAttempts.State s, Instant now, IdentityProperties.Login rules) {
        if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
            audit.recordFor(name, AuditEvents.LOGIN_LOCKED, "user:" + name, "locked until " + s.lockedUntil());
            throw refused("login.locked", HttpStatus.LOCKED,
                    Duration.between(now, s.lockedUntil()).toSeconds() + 1,
                    HH_MM.format(s.lockedUntil().atZone(clock.getZone())));
        }
        if (s.failures() >= rules.slowAfter() && s.lastFailedAt() != null) {
            Instant nextAllowed = s.lastFailedAt().plus(backoff(s.failures(), rules));
            if (now.isBefore(nextAllowed)) {
                long wait = Math.max(1, Duration.between(now, nextAllowed).toSeconds() + 1);
                audit.recordFor(name, AuditEvents.LOGIN_THROTTLED, "user:" + name, "wait " + wait + "s");
                throw refused("login.throttled", HttpStatus.TOO_MANY_REQUESTS, wait, wait);
            }
        }
    }

    /** The client's address (the connection's peer: a proxy in front must be configured to pass the real one). */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "-";
    }

    private static Duration backoff(int failures, IdentityProperties.Login rules) {
        int exponent = Math.min(10, failures - rules.slowAfter() + 1);
        return Duration.ofSeconds(1L << exponent);
    }

    private LoginRefusedException refused(String key, HttpStatus status, long retryAfter, Object... args) {
        return new LoginRefusedException(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE), status, retryAfter);
    }
}
