package cn.huying.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The login attempts this node keeps in memory (issue 22): those for user names that do not exist, so that an
 * unknown name is slowed and locked exactly like a real one and the replies do not tell them apart; and the
 * failures per client address, so that one address guessing many names is stopped too. Both maps are bounded:
 * when one is full, the entries whose time has passed are dropped, and if that is not enough, all of them.
 */
@Component
class LoginAttempts {

    /** An account's (or an unknown name's) consecutive failures, the last one, and a lock. */
    record State(int failures, Instant lastFailedAt, Instant lockedUntil) {
        static final State NONE = new State(0, null, null);
    }

    /** Failures from one address since {@code since}. */
    record AddressWindow(Instant since, int failures) {
    }

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, State> unknownNames = new ConcurrentHashMap<>();
    private final Map<String, AddressWindow> addresses = new ConcurrentHashMap<>();

    State unknownName(String name) {
        return unknownNames.getOrDefault(key(name), State.NONE);
    }

    /** Counts an attempt on an unknown name if nobody counted one since {@code seen}; false if somebody did. */
    boolean claimUnknownName(String name, State seen, Instant now) {
        trim(unknownNames, now, (s, t) -> s.lockedUntil() == null && (s.lastFailedAt() == null
                || s.lastFailedAt().isBefore(t.minus(Duration.ofHours(1)))) || s.lockedUntil() != null && s.lockedUntil().isBefore(t));
        State next = new State(seen.failures() + 1, now, null);
        return seen == State.NONE ? unknownNames.putIfAbsent(key(name), next) == null
                : unknownNames.replace(key(name), seen, next);
    }

    void lockUnknownName(String name, Instant until) {
        unknownNames.put(key(name), new State(0, null, until));
    }

    /** Whether this address has failed {@code limit} times within {@code window}. */
    boolean addressBlocked(String address, int limit, Duration window, Instant now) {
        AddressWindow w = addresses.get(address);
        return w != null && w.failures() >= limit && w.since().plus(window).isAfter(now);
    }

    void addressFailed(String address, Duration window, Instant now) {
        trim(addresses, now, (w, t) -> !w.since().plus(window).isAfter(t));
        addresses.merge(address, new AddressWindow(now, 1), (old, one) -> old.since().plus(window).isAfter(now)
                ? new AddressWindow(old.since(), old.failures() + 1) : one);
    }

    private static <V> void trim(Map<String, V> map, Instant now, java.util.function.BiPredicate<V, Instant> expired) {
        if (map.size() < MAX_ENTRIES) {
            return;
        }
        map.values().removeIf(v -> expired.test(v, now));
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
