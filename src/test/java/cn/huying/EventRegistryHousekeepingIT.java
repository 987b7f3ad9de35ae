package cn.huying;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.CompletedEventPublications;

/** The nightly purge removes old completed publications and never an incomplete one. */
class EventRegistryHousekeepingIT extends IntegrationTest {

    @Autowired
    CompletedEventPublications completed;

    private void publication(UUID id, Instant completedAt) {
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (?, 'test.listener', 'test.Event', '{}', ?, ?, ?, 1)""")
                .params(id, Instant.now().minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC),
                        completedAt == null ? null : completedAt.atOffset(ZoneOffset.UTC),
                        completedAt == null ? "PUBLISHED" : "COMPLETED")
                .update();
    }

    @Test
    void oldCompletedPublicationsGoAndIncompleteOnesStay() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        publication(old, Instant.now().minus(Duration.ofDays(20)));
        publication(recent, Instant.now().minus(Duration.ofHours(1)));
        publication(incomplete, null);

        new EventRegistryHousekeeping(completed, Duration.ofDays(7)).purge();

        assertThat(jdbc.sql("SELECT id FROM event_publication WHERE id IN (?, ?, ?)").params(old, recent, incomplete)
                .query(UUID.class).list()).containsExactlyInAnyOrder(recent, incomplete);
        jdbc.sql("DELETE FROM event_publication WHERE id IN (?, ?)").params(recent, incomplete).update();
    }
}
