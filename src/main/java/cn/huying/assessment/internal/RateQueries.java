package cn.huying.assessment.internal;

import cn.huying.assessment.FactCase;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts a rate's numerator and denominator over the published read model, in one aggregate statement. */
@Component
class RateQueries {

    record Counts(long numerator, long denominator) {
    }

    /** A count over {@code case_facts_v f}: the date column it counts by, the denominator and numerator conditions. */
    record Formula(String dateColumn, String denominator, String numerator) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RateQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The scope's conditions, its days in the platform's zone. */
    private String where(FactScope scope, Map<String, Object> params) {
        return scope.where(params, clock.getZone());
    }

    static Formula formula(RateFormula f) {
        return new Formula(f.dateColumn, f.denominator, f.numerator);
    }

    Counts count(RateFormula formula, FactScope scope) {
        return count(formula(formula), scope);
    }

    Counts count(Formula formula, FactScope scope) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT COUNT(*) AS d, COALESCE(SUM(CASE WHEN " + formula.numerator() + " THEN 1 ELSE 0 END), 0) AS n"
                + " FROM case_facts_v f" + where(scope, params) + period(formula) + " AND " + formula.denominator();
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new Counts(rs.getLong("n"), rs.getLong("d"))).single();
    }

    /** As {@link #count}, one line per value of {@code groupColumn} (e.g. {@code f.grid_id}); no line for nulls. */
    Map<Long, Counts> countBy(String groupColumn, Formula formula, FactScope scope) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT " + groupColumn + " AS g, COUNT(*) AS d, COALESCE(SUM(CASE WHEN " + formula.numerator()
                + " THEN 1 ELSE 0 END), 0) AS n FROM case_facts_v f" + where(scope, params) + period(formula) + " AND "
                + formula.denominator() + " AND " + groupColumn + " IS NOT NULL GROUP BY " + groupColumn;
        Map<Long, Counts> out = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            out.put(rs.getLong("g"), new Counts(rs.getLong("n"), rs.getLong("d")));
        });
        return out;
    }

    List<FactCase> cases(RateFormula formula, FactScope scope, boolean numerator, int limit) {
        return cases(formula(formula), scope, numerator, limit);
    }

    List<FactCase> cases(Formula formula, FactScope scope, boolean numerator, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        String sql = "SELECT f.id, f.code, f.title, f.category_name, f.state, f.region_name, f.department_name, "
                + formula.dateColumn() + " AS counted_at FROM case_facts_v f" + where(scope, params) + period(formula)
                + " AND " + formula.denominator() + (numerator ? " AND " + formula.numerator() : "")
                + " ORDER BY " + formula.dateColumn() + " DESC, f.id DESC LIMIT :limit";
        return jdbc.sql(sql).params(params).query((rs, i) -> new FactCase(rs.getLong("id"), rs.getString("code"),
                rs.getString("title"), rs.getString("category_name"), rs.getString("state"), rs.getString("region_name"),
                rs.getString("department_name"), rs.getObject("counted_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String period(Formula formula) {
        return " AND " + formula.dateColumn() + " >= :from AND " + formula.dateColumn() + " < :to";
    }
}
