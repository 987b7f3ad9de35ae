package cn.huying.cases.internal;

import cn.huying.cases.TimeLimitRule;
import cn.huying.shared.DomainException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a rule version from the administrator's page, which edits the version it showed: when
 * someone else published a newer version meanwhile, the page is told and nothing is published, so
 * their rules are never overwritten by a form rendered before them. The check and
 * {@link TimeLimitRules#publish} run in one transaction holding the active version's row.
 */
@Component
public class TimeLimitRuleEditing {

    private final TimeLimitRules rules;
    private final JdbcClient jdbc;

    TimeLimitRuleEditing(TimeLimitRules rules, JdbcClient jdbc) {
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** The version now active (0 when there is none). */
    public int activeVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM time_limit_rule_set WHERE active = TRUE")
                .query(Integer.class).single();
    }

    /**
     * Publishes {@code edited} (with its dispatch limit) as the next version if the active version is still
     * {@code basedOn};
     * otherwise a CONFLICT {@code rule.page.stale} naming both versions.
     */
    @Transactional
    public TimeLimitRules.Version publishOver(int basedOn, List<TimeLimitRule> edited, Integer dispatchHours,
                                              String note, String by) {
        // a publication running at the same time holds this row until it commits; then it is no longer active
        List<Integer> active = jdbc.sql("SELECT version FROM time_limit_rule_set WHERE active = TRUE FOR UPDATE")
                .query(Integer.class).list();
        int current = active.stream().max(Integer::compare).orElse(0);
        if (current != basedOn) {
            throw DomainException.conflict("rule.page.stale", basedOn, current);
        }
        return rules.publish(edited, dispatchHours, note, by);
    }
}
