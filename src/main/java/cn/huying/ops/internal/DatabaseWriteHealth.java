package cn.huying.ops.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /actuator/health} is DOWN when the database cannot write: a row is inserted into {@code health_probe} in a
 * transaction that is then rolled back. Spring's own database check runs {@code SELECT 1}, which kept answering
 * while every write failed (issue 22: H2's generated column bound to a closed session). A write that waits for a
 * lock longer than {@link #TIMEOUT_SECONDS} counts as failed, so the check never hangs.
 */
@Component("databaseWrite")
class DatabaseWriteHealth implements HealthIndicator {

    static final int TIMEOUT_SECONDS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseWriteHealth(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout(TIMEOUT_SECONDS);
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                jdbc.sql("INSERT INTO health_probe (probe, written_at) VALUES (?, ?)")
                        .params(UUID.randomUUID().toString(), OffsetDateTime.now(clock)).update();
            });
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
