package cn.huying.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huying.security}.
 *
 * @param tokenTtl lifetime of a bearer token from {@code POST /api/auth/token}
 * @param login    how repeated failed logins are slowed and then locked
 */
@ConfigurationProperties("huying.security")
record IdentityProperties(Duration tokenTtl, Login login) {

    IdentityProperties {
        if (tokenTtl == null) {
            tokenTtl = Duration.ofHours(8);
        }
        if (login == null) {
            login = new Login(3, 5, Duration.ofMinutes(15), 0, null);
        }
    }

    /**
     * @param slowAfter    after this many consecutive failures each further attempt must wait
     *                     2, 4, 8 … seconds after the previous failure
     * @param lockAfter    after this many consecutive failures the account is locked
     * @param lockDuration how long a lock lasts
     * @param addressLimit  failed logins from one client address (whatever the names) before that address must
     *                      wait; default 50
     * @param addressWindow the window of {@code addressLimit}, default 15 minutes
     */
    record Login(int slowAfter, int lockAfter, Duration lockDuration, int addressLimit, Duration addressWindow) {

        Login {
            if (addressLimit <= 0) {
                addressLimit = 50;
            }
            if (addressWindow == null) {
                addressWindow = Duration.ofMinutes(15);
            }
        }
    }
}
