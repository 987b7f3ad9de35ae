package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 22: 16 parallel guesses had 14 passwords checked before the lock (the rule says 5), and an unknown user
 * name answered differently from a real one. Attempts are counted before the check, atomically; unknown names go
 * through the same steps.
 */
class LoginGuessingIT extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    private String newUser() {
        String name = "g" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new UserAccounts.NewUser(name, "测试用户", "Correct#2026", Set.of(Roles.DISPATCHER),
                regionId("370481107"), null));
        return name;
    }

    private long passwordsChecked(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE username = ? AND event_type IN"
                + " ('LOGIN_FAILURE', 'ACCOUNT_LOCKED')").param(user).query(Long.class).single();
    }

    @Test
    void parallelGuessesCheckNoMorePasswordsThanTheLockAllows() throws Exception {
        String user = newUser();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String password = "wrong-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/auth/token", Map.of("username", user, "password", password)).send().status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).allMatch(s -> s == 401 || s == 423 || s == 429);
        } finally {
            pool.shutdownNow();
        }
        assertThat(passwordsChecked(user)).isBetween(1L, 5L);
    }

    /** One step of the lock-out, as the client sees it. */
    private String step(String user, String password) {
        Http.Response r = http.post("/api/auth/token", Map.of("username", user, "password", password)).send();
        return r.status() + " " + r.json().path("detail").asString() + " retry-after:" + (r.header("Retry-After") != null);
    }

    @Test
    void anUnknownNameAnswersExactlyLikeARealOne() {
        String real = newUser();
        String unknown = "n" + UUID.randomUUID().toString().substring(0, 8);
        List<String> realSteps = new ArrayList<>();
        List<String> unknownSteps = new ArrayList<>();
        Runnable both = () -> {
            realSteps.add(step(real, "wrong"));
            unknownSteps.add(step(unknown, "wrong"));
        };
        for (int i = 0; i < 4; i++) {
            both.run();
        }
        clock.advance(Duration.ofSeconds(3));
        both.run();
        clock.advance(Duration.ofSeconds(5));
        both.run();
        clock.advance(Duration.ofMinutes(5));
        both.run();
        assertThat(realSteps.get(0)).isEqualTo("401 用户名或密码错误 retry-after:false");
        assertThat(realSteps.get(3)).startsWith("429 ");
        assertThat(realSteps.get(5)).startsWith("423 ");
        assertThat(unknownSteps).isEqualTo(realSteps);
    }
}
