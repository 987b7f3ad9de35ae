package cn.huying;

import cn.huying.shared.Zones;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry small: completed publications older than
 * {@code huying.events.keep-completed} (default 7 days) are deleted every night. Incomplete ones
 * are never touched — they are re-delivered. Safe on several nodes (deleting twice is harmless).
 */
@Component
class EventRegistryHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EventRegistryHousekeeping.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    EventRegistryHousekeeping(CompletedEventPublications completed,
                              @Value("${huying.events.keep-completed:7d}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    // the cron in the platform's zone: a property placeholder, as an annotation cannot reach the Clock
    @Scheduled(cron = "${huying.events.housekeeping-cron:0 30 3 * * *}", zone = Zones.SETTING)
    void purge() {
        completed.deletePublicationsOlderThan(keep);
        log.info("事件登记表：已删除 {} 之前完成的事件记录", keep);
    }
}
