package cn.huying.cases.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many wrong follow-ups 查询 the portal takes (its code and the last four digits of the phone), per address and
 * per code, for 15 minutes. A code that has had too many wrong answers is closed to the addresses that gave wrong
 * answers, not to a clean one: before issue 22 a stranger's five guesses locked the real owner out of their own
 * request. (Someone guessing one code from many addresses gets one guess from each clean address, and each address
 * at most {@link #MAX_FAILURES_PER_ADDRESS} in all.)
 */
final class FollowUpLimits {

    static final int MAX_FAILURES_PER_ADDRESS = 10;
    static final int MAX_FAILURES_PER_CODE = 5;

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(15)).build();

    boolean blocked(String address, String code) {
        long byAddress = count("ip:" + address);
        return byAddress >= MAX_FAILURES_PER_ADDRESS || byAddress > 0 && count("code:" + code) >= MAX_FAILURES_PER_CODE;
    }

    void failed(String address, String code) {
        failures.get("ip:" + address, k -> new AtomicInteger()).incrementAndGet();
        failures.get("code:" + code, k -> new AtomicInteger()).incrementAndGet();
    }

    private long count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
