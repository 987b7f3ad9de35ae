package cn.huying.cases.internal;

import cn.huying.calendar.AssumedDeadlines;
import cn.huying.cases.Category;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a new year's holiday notice is imported, the open deadlines that were computed on assumed
 * (Monday–Friday) days are computed again with the case's own rule version, in the import's
 * transaction; the number that changed goes back to the importer.
 */
@Component
class AssumedDeadlineRecompute implements AssumedDeadlines {

    private static final Actor SYSTEM = new Actor(0L, "系统", Set.of(), null);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final CaseRepository repo;
    private final CategoryRepository categories;
    private final TimeLimitRules rules;
    private final TimeLimitPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssumedDeadlineRecompute(JdbcClient jdbc, CaseRepository repo, CategoryRepository categories, TimeLimitRules rules,
                             TimeLimitPolicy policy, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.categories = categories;
        this.rules = rules;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int recompute(int year) {
        List<Long> ids = jdbc.sql("SELECT id FROM case_file WHERE due_assumed = TRUE AND next_sla_at IS NOT NULL")
                .query(Long.class).list();
        int changed = 0;
        Instant now = clock.instant();
        for (long id : ids) {
            CaseFile c = repo.find(id).orElse(null);
            if (c == null || c.sla().ruleVersion() == null) {
                continue;
            }
            Sla old = c.sla();
            Category category = categories.asOf(c.intake().categoryId(), c.createdAt()).orElseThrow();
            TimeLimitPolicy.Applied applied = policy.select(rules.rulesOf(old.ruleVersion()), c.intake().channel(),
                    category.timeLimitKey(), c.intake().urgency());
            if (applied.completion() == null) {
                continue;
            }
            Sla fresh = policy.limits(old.receivedAt(), old.externalDueAt(), old.ruleVersion(), applied,
                    old.extensionDays());
            if (Objects.equals(fresh.dueAt(), old.dueAt()) && Objects.equals(fresh.firstContactDueAt(), old.firstContactDueAt())
                    && fresh.assumed() == old.assumed()) {
                continue;
            }
            long expected = c.version();
            c.deadlinesRecomputed(fresh, SYSTEM, "国务院办公厅公布 " + year + " 年节假日安排，重算办结时限为 "
                    + TEXT.format(fresh.dueAt().atZone(clock.getZone())), now);
            if (repo.saveBySystem(c, expected)) {
                changed++;
            }
        }
        return changed;
    }
}
