package cn.huying.projects.internal;

import static cn.huying.projects.internal.ProjectRepository.instant;
import static cn.huying.projects.internal.ProjectRepository.utc;

import cn.huying.projects.Step;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics of 阳光推介: projects by step, by category and by year (of registration), each with planned and signed
 * investment as exact sums in yuan (scale 2), and how many milestones and disclosures were on time.
 */
@Component
@Transactional(readOnly = true)
public class ProjectStats {

    /** One group: a label, the number of projects, planned and signed investment in yuan. */
    public record Group(String key, String label, long projects, BigDecimal planned, BigDecimal signed) {
    }

    /** On time out of those due: milestones met by their day, disclosures made within 20 working days. */
    public record OnTime(long onTime, long due) {

        /** Percentage, 0 decimals, half-up; 100 when nothing was due. */
        public BigDecimal percent() {
            return due == 0 ? new BigDecimal("100") : BigDecimal.valueOf(onTime * 100)
                    .divide(BigDecimal.valueOf(due), 0, java.math.RoundingMode.HALF_UP);
        }
    }

    public record Summary(long projects, BigDecimal planned, BigDecimal signed, List<Group> byStep,
                          List<Group> byCategory, List<Group> byYear, OnTime milestones, OnTime disclosures,
                          long terminated, long completed) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Row(String step, String status, String category, Instant createdAt, BigDecimal planned,
                       BigDecimal signed) {
    }

    public Summary summary() {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("SELECT step, status, category, created_at, planned_investment, signed_investment FROM project")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "created_at"),
                        rs.getBigDecimal(5), rs.getBigDecimal(6))).list();
        Map<String, Acc> byStep = new TreeMap<>();
        for (Step s : Step.values()) {
            byStep.put(String.format("%d-%s", s.number(), s.name()), new Acc(s.name(), s.label()));
        }
        Map<String, Acc> byCategory = new TreeMap<>();
        Map<String, Acc> byYear = new TreeMap<>();
        Acc all = new Acc("ALL", "全部");
        long terminated = 0;
        long completed = 0;
        for (Row r : rows) {
            Step s = Step.valueOf(r.step());
            if ("TERMINATED".equals(r.status())) {
                terminated++;
            } else if ("COMPLETED".equals(r.status())) {
                completed++;
            }
            byStep.get(String.format("%d-%s", s.number(), s.name())).add(r);
            byCategory.computeIfAbsent(r.category(), k -> new Acc(k, k)).add(r);
            String year = String.valueOf(r.createdAt().atZone(clock.getZone()).getYear());
            byYear.computeIfAbsent(year, k -> new Acc(k, k + "年")).add(r);
            all.add(r);
        }
        OnTime milestones = jdbc.sql("""
                SELECT COUNT(CASE WHEN done_on IS NOT NULL AND done_on <= due_on THEN 1 END),
                       COUNT(CASE WHEN done_on IS NOT NULL OR due_at < ? THEN 1 END) FROM project_milestone""")
                .param(utc(now)).query((rs, n) -> new OnTime(rs.getLong(1), rs.getLong(2))).single();
        OnTime disclosures = jdbc.sql("""
                SELECT COUNT(CASE WHEN disclosed_at IS NOT NULL AND disclosed_at <= disclosure_due_at THEN 1 END),
                       COUNT(CASE WHEN disclosed_at IS NOT NULL OR (disclosure_due_at < ? AND p.status <> 'TERMINATED')
                         THEN 1 END)
                FROM project_step s JOIN project p ON p.id = s.project_id WHERE disclosure_due_at IS NOT NULL""")
                .param(utc(now)).query((rs, n) -> new OnTime(rs.getLong(1), rs.getLong(2))).single();
        return new Summary(all.count, all.planned, all.signed, groups(byStep), groups(byCategory), groups(byYear),
                milestones, disclosures, terminated, completed);
    }

    private static List<Group> groups(Map<String, Acc> map) {
        List<Group> out = new ArrayList<>();
        map.values().forEach(a -> out.add(new Group(a.key, a.label, a.count, a.planned, a.signed)));
        return out;
    }

    private static final class Acc {
        final String key;
        final String label;
        long count;
        BigDecimal planned = BigDecimal.ZERO.setScale(2);
        BigDecimal signed = BigDecimal.ZERO.setScale(2);

        Acc(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(Row r) {
            count++;
            planned = planned.add(r.planned());
            if (r.signed() != null) {
                signed = signed.add(r.signed());
            }
        }
    }
}
