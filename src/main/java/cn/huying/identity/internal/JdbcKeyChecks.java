package cn.huying.identity.internal;

import cn.huying.identity.KeyChecks;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link KeyChecks} on the table {@code key_check} (V28_0). */
@Component
class JdbcKeyChecks implements KeyChecks {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    JdbcKeyChecks(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void require(String name, String setting, Supplier<String> fresh, Predicate<String> matches) {
        Optional<String> stored = stored(name);
        if (stored.isEmpty()) {
            // the first node to start: a node starting at the same moment may win, and its value is checked below
            jdbc.sql("INSERT INTO key_check (name, check_value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(name, fresh.get(), UserRepository.utc(clock.instant())).update();
            stored = stored(name);
        }
        if (!stored.map(v -> {
            try {
                return matches.test(v);
            } catch (RuntimeException wrongKey) {
                return false;
            }
        }).orElse(false)) {
            String env = setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            throw new IllegalStateException(messages.getMessage("keycheck.mismatch", new Object[] {setting, env},
                    Locale.SIMPLIFIED_CHINESE) + " / The key of this node (" + setting + ", " + env + ") does not match"
                    + " the key check value the first node stored in the database (table key_check, '" + name + "'):"
                    + " give every node the same key (docs/deployment.md). This node does not start.");
        }
    }

    private Optional<String> stored(String name) {
        return jdbc.sql("SELECT check_value FROM key_check WHERE name = ?").param(name).query(String.class).optional();
    }
}
