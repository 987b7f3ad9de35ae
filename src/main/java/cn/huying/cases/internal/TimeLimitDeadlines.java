package cn.huying.cases.internal;

import cn.huying.cases.Category;
import cn.huying.cases.TimeLimitRule;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The time-limit code's answer to the aggregate's {@link CaseDeadlines}: the rules in force and the calendar. */
@Component
class TimeLimitDeadlines implements CaseDeadlines {

    private final TimeLimitRules rules;
    private final TimeLimitPolicy policy;
    private final CategoryRepository categories;

    TimeLimitDeadlines(TimeLimitRules rules, TimeLimitPolicy policy, CategoryRepository categories) {
        this.rules = rules;
        this.policy = policy;
        this.categories = categories;
    }

    @Override
    public Sla atRegistration(CaseFile c) {
        Category category = categories.find(c.intake().categoryId()).orElseThrow();
        List<TimeLimitRule> active = rules.activeRules();
        TimeLimitPolicy.Applied applied = policy.select(active, c.intake().channel(), category.timeLimitKey(),
                c.intake().urgency());
        int version = active.isEmpty() ? 0 : active.get(0).version();
        return policy.limits(c.sla().receivedAt(), c.sla().externalDueAt(), version, applied, 0);
    }

    @Override
    public Sla resumed(Sla sla, Instant now) {
        return policy.resumed(sla, now);
    }

    @Override
    public Sla forRework(Sla sla, Instant now) {
        if (sla.ruleId() == null) {
            return sla;
        }
        TimeLimitRule rule = rules.find(sla.ruleId()).orElse(null);
        if (rule == null) {
            return sla;
        }
        Sla fresh = policy.limits(now, null, sla.ruleVersion(), new TimeLimitPolicy.Applied(rule, null), 0);
        return sla.withRule(fresh.ruleVersion(), fresh.ruleId(), fresh.assumed(), 0)
                .withDeadline(fresh.dueAt(), fresh.yellowAt(), fresh.redAt(), fresh.nextSlaAt(), fresh.progressDueAt())
                .withoutProgress();
    }

    @Override
    public Sla extended(Sla sla, int workingDays) {
        return policy.extended(sla, workingDays);
    }

    @Override
    public java.time.ZoneId zone() {
        return policy.zone();
    }
}
