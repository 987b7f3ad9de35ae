package cn.huying.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.support.IntegrationTest;
import cn.huying.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A re-delivered event (the publication registry retries after a crash) does not double a message. */
class InboxDeliveryIT extends IntegrationTest {

    @Autowired
    InboxRepository inbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSameDeduplicationKeyDeliversOnceEachUser() {
        long leader = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single();
        long dispatcher = jdbc.sql("SELECT id FROM app_user WHERE username = 'dispatcher'").query(Long.class).single();
        String key = "test-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            inbox.deliver(List.of(leader, dispatcher), "INFO", "测试消息", "正文", null, null, key, clock.instant());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE dedup_key = ?").param(key).query(Long.class).single())
                .isEqualTo(2);
        assertThat(inbox.latest(leader, true, 10)).anySatisfy(m -> assertThat(m.title()).isEqualTo("测试消息"));
    }

    /**
     * Two transactions deliver the same key at the same moment (a sweep on two nodes, a re-delivery
     * during the first delivery): the second waits for the first and adds nothing, and neither fails.
     */
    @Test
    void theSameKeyDeliveredByTwoTransactionsAtOnceIsOneMessage() throws Exception {
        long leader = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single();
        String key = "test-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstDelivered = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            inbox.deliver(List.of(leader), "INFO", "同时送达", "第一次", null, null, key, clock.instant());
            firstDelivered.countDown();
            try {
                commitFirst.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstDelivered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s ->
                inbox.deliver(List.of(leader), "INFO", "同时送达", "第二次", null, null, key, clock.instant())));
        // the first commits only once the second delivery is done or waits on the first's uncommitted message
        await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() || aSessionWaitsOnAnother());
        commitFirst.countDown();
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT body FROM inbox_message WHERE dedup_key = ?").param(key).query(String.class).list())
                .containsExactly("第一次");
    }

    /**
     * A delivery is held up by another transaction: PostgreSQL shows it waiting on a lock; H2 shows it as
     * still executing (the first transaction is idle, so nothing else keeps the insert running).
     */
    private boolean aSessionWaitsOnAnother() {
        String sql = TestDatabase.postgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbox_message%'"
                : "SELECT COUNT(*) FROM information_schema.sessions WHERE executing_statement LIKE 'INSERT INTO inbox_message%'";
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }
}
