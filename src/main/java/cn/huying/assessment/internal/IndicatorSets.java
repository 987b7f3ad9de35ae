package cn.huying.assessment.internal;

import cn.huying.assessment.GridScores.Grade;
import cn.huying.assessment.GridScores.IndicatorSet;
import cn.huying.assessment.GridScores.Weight;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The versions of the grid workers' indicators and grades; a month is scored under the version in force. */
@Component
class IndicatorSets {

    private final JdbcClient jdbc;
    private final Clock clock;

    IndicatorSets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<IndicatorSet> all() {
        return jdbc.sql("SELECT version FROM assessment_indicator_set ORDER BY version").query(Integer.class).list()
                .stream().map(this::get).toList();
    }

    /** The version in force on {@code day}: the latest valid_from not after it. */
    IndicatorSet inForce(LocalDate day) {
        Integer v = jdbc.sql("SELECT version FROM assessment_indicator_set WHERE valid_from <= ? ORDER BY valid_from DESC"
                + " LIMIT 1").param(day).query(Integer.class).optional()
                .orElseThrow(() -> DomainException.notFound("assessment.indicators.none", day));
        return get(v);
    }

    IndicatorSet get(int version) {
        var head = jdbc.sql("SELECT valid_from, note FROM assessment_indicator_set WHERE version = ?").param(version)
                .query((rs, i) -> new Object[]{rs.getObject(1, LocalDate.class), rs.getString(2)}).single();
        List<Weight> weights = jdbc.sql("SELECT code, weight FROM assessment_indicator WHERE version = ? ORDER BY code")
                .param(version).query((rs, i) -> new Weight(rs.getString(1), rs.getInt(2))).list();
        List<Grade> grades = jdbc.sql("SELECT grade, min_score, pay_coefficient FROM assessment_grade WHERE version = ?"
                        + " ORDER BY min_score DESC").param(version)
                .query((rs, i) -> new Grade(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        return new IndicatorSet(version, (LocalDate) head[0], (String) head[1], weights, grades);
    }

    IndicatorSet create(LocalDate validFrom, String note, List<Weight> weights, List<Grade> grades, CurrentUser by) {
        if (validFrom == null || validFrom.getDayOfMonth() != 1) {
            throw DomainException.invalid("assessment.indicators.valid-from");
        }
        if (weights == null || weights.isEmpty() || grades == null || grades.isEmpty()) {
            throw DomainException.invalid("assessment.indicators.empty");
        }
        Set<String> seen = new HashSet<>();
        for (Weight w : weights) {
            try {
                GridIndicator.valueOf(w.code());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw DomainException.invalid("assessment.indicators.unknown", w.code());
            }
            if (w.weight() <= 0 || w.weight() > 100 || !seen.add(w.code())) {
                throw DomainException.invalid("assessment.indicators.weight", w.code());
            }
        }
        if (grades.stream().noneMatch(g -> g.minScore() != null && g.minScore().signum() == 0)) {
            throw DomainException.invalid("assessment.grades.floor");
        }
        Long frozen = jdbc.sql("SELECT COUNT(*) FROM assessment_grid_month WHERE score_month >= ?").param(validFrom)
                .query(Long.class).single();
        if (frozen > 0) {
            throw DomainException.conflict("assessment.indicators.frozen", validFrom);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM assessment_indicator_set WHERE valid_from = ?").param(validFrom)
                .query(Long.class).single() > 0) {
            throw DomainException.conflict("assessment.indicators.duplicate", validFrom);
        }
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM assessment_indicator_set").query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO assessment_indicator_set (version, valid_from, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(version, validFrom, note, by.username(), OffsetDateTime.now(clock)).update();
        for (Weight w : weights) {
            jdbc.sql("INSERT INTO assessment_indicator (version, code, weight, target) VALUES (?, ?, ?, NULL)")
                    .params(version, w.code(), w.weight()).update();
        }
        for (Grade g : grades.stream().sorted(Comparator.comparing(Grade::minScore)).toList()) {
            if (g.grade() == null || g.grade().isBlank() || g.minScore().compareTo(BigDecimal.valueOf(100)) > 0
                    || g.payCoefficient() == null || g.payCoefficient().signum() < 0) {
                throw DomainException.invalid("assessment.grades.invalid", g.grade());
            }
            jdbc.sql("INSERT INTO assessment_grade (version, grade, min_score, pay_coefficient) VALUES (?, ?, ?, ?)")
                    .params(version, g.grade().strip(), g.minScore(), g.payCoefficient()).update();
        }
        return get(version);
    }
}
