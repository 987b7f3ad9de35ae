package cn.huying.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many wrong follow-ups 查询 the citizen portal takes (its code and the last four digits of the phone), per
 * address and per code, within 15 minutes. A code that has had too many wrong answers is closed to the addresses
 * that gave wrong answers, not to a clean one: before issue 22 a stranger's five guesses locked the real owner out
 * of their own request. (Someone guessing one code from many addresses gets one guess from each clean address, and
 * each address at most {@link #MAX_FAILURES_PER_ADDRESS} in all.)
 *
 * <p>Counted in the database (table {@code follow_up_failure}), so the limits hold across the nodes behind a load
 * balancer (issue 30: with counts in each node's memory, 10 wrong tries exhausted node A and node B took 10 more).
 * Each failure is one atomic {@code UPDATE … SET failures = failures + 1} (an INSERT for the first), so parallel
 * tries on several nodes are all counted. Addresses and codes are stored as SHA-256 only.
 */
@Component
public class FollowUpLimits {

    public static final int MAX_FAILURES_PER_ADDRESS = 10;
    public static final int MAX_FAILURES_PER_CODE = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean blocked(String address, String code) {
        long byAddress = count("ip:" + address);
        return byAddress >= MAX_FAILURES_PER_ADDRESS || byAddress > 0 && count("code:" + code) >= MAX_FAILURES_PER_CODE;
    }

    public void failed(String address, String code) {
        Instant now = clock.instant();
        count(key("ip:" + address), now);
        count(key("code:" + code), now);
    }

    private void count(String key, Instant now) {
        Instant windowOpen = now.minus(WINDOW);
        // a window that has passed starts again at this failure
        String increment = "UPDATE follow_up_failure SET"
                + " failures = CASE WHEN window_start > ? THEN failures + 1 ELSE 1 END,"
                + " window_start = CASE WHEN window_start > ? THEN window_start ELSE ? END WHERE limit_key = ?";
        Object[] params = {CaseRows.utc(windowOpen), CaseRows.utc(windowOpen), CaseRows.utc(now), key};
        if (jdbc.sql(increment).params(params).update() == 1) {
            return;
        }
        if (jdbc.sql("INSERT INTO follow_up_failure (limit_key, failures, window_start) VALUES (?, 1, ?)"
                + " ON CONFLICT DO NOTHING").params(key, CaseRows.utc(now)).update() == 0) {
            // another node inserted it first: count on its row
            jdbc.sql(increment).params(params).update();
        }
        if (Math.floorMod(key.hashCode(), 64) == 0) {
            // now and then, the rows whose window has passed go
            jdbc.sql("DELETE FROM follow_up_failure WHERE window_start <= ?").param(CaseRows.utc(windowOpen))
                    .update();
        }
    }

    private long count(String plainKey) {
        return jdbc.sql("SELECT failures FROM follow_up_failure WHERE limit_key = ? AND window_start > ?")
                .params(key(plainKey), CaseRows.utc(clock.instant().minus(WINDOW))).query(Integer.class)
                .optional().orElse(0);
    }

    private static String key(String plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
