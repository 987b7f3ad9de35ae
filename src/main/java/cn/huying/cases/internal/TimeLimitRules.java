package cn.huying.cases.internal;

import cn.huying.cases.Channel;
import cn.huying.cases.TimeLimitRule;
import cn.huying.cases.Urgency;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned rule table: editing publishes a new version; cases keep the version (and rule)
 * they were judged by. The active version is cached and refreshed on publication.
 */
@Repository
public class TimeLimitRules {

    /**
     * A published version and its rules, with its dispatch limit 派遣时限: the hours from registration (or receipt)
     * within which a case must be dispatched to count as dispatched on time (及时派遣率, docs/assessment.md).
     */
    public record Version(int version, String note, String createdBy, java.time.Instant createdAt, boolean active,
                          List<TimeLimitRule> rules, int dispatchHours) {
    }

    /** The dispatch limit of a version unless set otherwise: 24 hours. */
    public static final int DEFAULT_DISPATCH_HOURS = 24;
    /** The longest dispatch limit a version may set: 30 days. */
    public static final int MAX_DISPATCH_HOURS = 720;

    private static final String SELECT = """
            SELECT id, version, channel, limit_key, urgency, first_contact_days, completion_days, completion_hours,
                   label, sort_order FROM time_limit_rule""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<List<TimeLimitRule>> active = new AtomicReference<>();

    TimeLimitRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static TimeLimitRule map(ResultSet rs, int n) throws SQLException {
        String ch = rs.getString("channel");
        String urg = rs.getString("urgency");
        return new TimeLimitRule(rs.getLong("id"), rs.getInt("version"), ch == null ? null : Channel.valueOf(ch),
                rs.getString("limit_key"), urg == null ? null : Urgency.valueOf(urg),
                rs.getObject("first_contact_days", Integer.class), rs.getObject("completion_days", Integer.class),
                rs.getObject("completion_hours", Integer.class), rs.getString("label"), rs.getInt("sort_order"));
    }

    public List<TimeLimitRule> activeRules() {
        List<TimeLimitRule> rules = active.get();
        if (rules == null) {
            rules = jdbc.sql(SELECT + " WHERE version = (SELECT MAX(version) FROM time_limit_rule_set WHERE active = TRUE)"
                    + " ORDER BY sort_order, id").query(TimeLimitRules::map).list();
            active.set(rules);
        }
        return rules;
    }

    public Optional<TimeLimitRule> find(long id) {
        return activeRules().stream().filter(r -> r.id() == id).findFirst()
                .or(() -> jdbc.sql(SELECT + " WHERE id = ?").param(id).query(TimeLimitRules::map).optional());
    }

    /** The rules of one version (a case keeps the version it was judged by). */
    public List<TimeLimitRule> rulesOf(int version) {
        return jdbc.sql(SELECT + " WHERE version = ? ORDER BY sort_order, id").param(version)
                .query(TimeLimitRules::map).list();
    }

    public List<Version> versions() {
        return jdbc.sql("SELECT version, note, created_by, created_at, active, dispatch_hours FROM time_limit_rule_set"
                        + " ORDER BY version DESC")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3),
                        CaseRows.instant(rs, "created_at"), rs.getBoolean(5),
                        jdbc.sql(SELECT + " WHERE version = ? ORDER BY sort_order, id").param(rs.getInt(1))
                                .query(TimeLimitRules::map).list(), rs.getInt(6)))
                .list();
    }

    /** Publishes a new version with these rules and the active version's dispatch limit. */
    @Transactional
    public Version publish(List<TimeLimitRule> rules, String note, String by) {
        return publish(rules, null, note, by);
    }

    /**
     * Publishes a new version with these rules; the previous versions stay for the cases judged by them.
     *
     * @param dispatchHours the version's dispatch limit 派遣时限 in hours (1–720); null keeps the active version's
     */
    @Transactional
    public Version publish(List<TimeLimitRule> rules, Integer dispatchHours, String note, String by) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (dispatchHours != null && (dispatchHours < 1 || dispatchHours > MAX_DISPATCH_HOURS)) {
            errors.add("dispatchHours", "rule.dispatch-hours.range", MAX_DISPATCH_HOURS);
        }
        if (rules == null || rules.isEmpty()) {
            errors.add("rules", "rule.empty");
        } else {
            boolean hasDefault = false;
            for (int i = 0; i < rules.size(); i++) {
                TimeLimitRule r = rules.get(i);
                String f = "rules[" + i + "]";
                if (r.label() == null || r.label().isBlank() || r.label().length() > 200) {
                    errors.add(f + ".label", "rule.label.invalid");
                }
                boolean days = r.completionDays() != null;
                boolean hours = r.completionHours() != null;
                if (days == hours && r.firstContactDays() == null) {
                    errors.add(f, "rule.limit.one");
                }
                if ((days && (r.completionDays() < 0 || r.completionDays() > 365))
                        || (hours && (r.completionHours() < 1 || r.completionHours() > 2000))
                        || (r.firstContactDays() != null && (r.firstContactDays() < 0 || r.firstContactDays() > 365))) {
                    errors.add(f, "rule.limit.range");
                }
                if (r.channel() == null && r.limitKey() == null && r.urgency() == null && (days || hours)) {
                    hasDefault = true;
                }
            }
            if (!hasDefault) {
                errors.add("rules", "rule.default.missing");
            }
        }
        errors.throwIfAny();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM time_limit_rule_set").query(Integer.class).single();
        int hours = dispatchHours != null ? dispatchHours : activeDispatchHours();
        jdbc.sql("UPDATE time_limit_rule_set SET active = FALSE WHERE active = TRUE").update();
        jdbc.sql("INSERT INTO time_limit_rule_set (version, created_at, created_by, note, active, dispatch_hours)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?)")
                .params(version, CaseRows.utc(clock.instant()), by, note, hours).update();
        int order = 0;
        for (TimeLimitRule r : rules) {
            jdbc.sql("""
                    INSERT INTO time_limit_rule (version, channel, limit_key, urgency, first_contact_days, completion_days,
                                                 completion_hours, label, sort_order)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(version, r.channel() == null ? null : r.channel().name(), blankToNull(r.limitKey()),
                            r.urgency() == null ? null : r.urgency().name(), r.firstContactDays(), r.completionDays(),
                            r.completionHours(), r.label().strip(), order += 10)
                    .update();
        }
        active.set(null);
        return versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> DomainException.notFound("rule.version.not-found", version));
    }

    /** The dispatch limit of the active version (24 hours when none is active). */
    public int activeDispatchHours() {
        return jdbc.sql("SELECT dispatch_hours FROM time_limit_rule_set WHERE active = TRUE ORDER BY version DESC")
                .query(Integer.class).list().stream().findFirst().orElse(DEFAULT_DISPATCH_HOURS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
