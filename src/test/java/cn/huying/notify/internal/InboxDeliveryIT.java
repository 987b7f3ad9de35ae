package cn.huying.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.IntegrationTest;
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
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            inbox.deliver(List.of(leader), "INFO", "同时送达", "第一次", null, null, key, clock.instant());
            firstDelivered.countDown();
            try {
                // the second delivery is under way before this one commits
                secondStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstDelivered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            secondStarted.countDown();
            inbox.deliver(List.of(leader), "INFO", "同时送达", "第二次", null, null, key, clock.instant());
        }));
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT body FROM inbox_message WHERE dedup_key = ?").param(key).query(String.class).list())
                .containsExactly("第一次");
    }
}
