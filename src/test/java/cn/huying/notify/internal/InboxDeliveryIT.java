package cn.huying.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A re-delivered event (the publication registry retries after a crash) does not double a message. */
class InboxDeliveryIT extends IntegrationTest {

    @Autowired
    InboxRepository inbox;

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
}
