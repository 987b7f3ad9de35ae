package cn.huying.identity.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/** A login refused for a reason the user is told in Chinese: bad credentials, throttled or locked. */
public class LoginRefusedException extends AuthenticationException {

    private final HttpStatus status;
    private final long retryAfterSeconds;

    LoginRefusedException(String message, HttpStatus status, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
