package cn.huying.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.assessment.Rate;
import cn.huying.assessment.RateFigure;
import cn.huying.assessment.RateFilter;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rate rollup gives exactly the direct formulas' figures: a hand-made June–July 2035 in 木石镇 (a period no other
 * test or demo case touches) played through the case API around a rollup built before it, then every rate of the
 * town, its county and the whole tree compared, for periods that cut the cases' events apart — the parking of a case
 * inside and outside the period (按期结案率's 缓办), a late dispatch, a return, a reopen, a refused hazard, revisits.
 */
class RateRollupIT extends IntegrationTest {

    @Autowired
    RateRollup rollup;

    @Autowired
    RatesService rates;

    @Autowired
    RateQueries queries;

    private long report(String category, String description) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", category, "description", description,
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void at(String isoBeijing) {
        clock.set(OffsetDateTime.parse(isoBeijing + "+08:00").toInstant());
    }

    /**
     * <pre>
     * P heating      registered 28 Jun, dispatched at once, resolved 2 Jul, verified, closed, revisited 满意 4 Jul
     * Q heating      registered 28 Jun, dispatched 30 Jun (late), returned, dispatched, resolved 2 Jul, reopened,
     *                dispatched, resolved 3 Jul, verified, closed, revisited 基本满意 4 Jul
     * R fire hazard  registered 28 Jun, parked 挂账 1 Jul (due in July: out of 按期结案率 for a period holding 1 Jul)
     * S gas hazard   refused 不予受理 28 Jun
     * </pre>
     */
    private void handMade() {
        long property = departmentId("MS-WYB");
        at("2035-06-28T09:00:00");
        long p = report("LIVE_HEATING", "汇总甲：暖气管道漏水");
        long q = report("LIVE_HEATING", "汇总乙：暖气不热");
        long r = report("SAFETY_FIRE", "汇总丙：楼道堆放杂物");
        long s = report("SAFETY_GAS", "汇总丁：燃气异味");
        at("2035-06-28T09:30:00");
        for (long id : List.of(p, q, r)) {
            act("dispatcher", id, "register", Map.of());
        }
        act("dispatcher", s, "reject", Map.of("note", "经核实无燃气泄漏"));
        at("2035-06-28T10:00:00");
        act("dispatcher", p, "dispatch", Map.of("departmentId", property));
        act("handler", p, "accept", Map.of());
        at("2035-06-30T10:00:00");
        act("dispatcher", q, "dispatch", Map.of("departmentId", property));
        act("handler", q, "return", Map.of("note", "应由供热公司处理"));
        act("dispatcher", q, "dispatch", Map.of("departmentId", property));
        act("handler", q, "accept", Map.of());
        at("2035-07-01T10:00:00");
        act("dispatcher", r, "park", Map.of("note", "需整体改造，挂账"));
        at("2035-07-02T10:00:00");
        act("handler", p, "resolve", Map.of("note", "已更换管道"));
        act("dispatcher", p, "verify", Map.of());
        act("dispatcher", p, "close", Map.of());
        act("handler", q, "resolve", Map.of("note", "已排气"));
        act("dispatcher", q, "reopen", Map.of("note", "住户反映仍不热"));
        act("dispatcher", q, "dispatch", Map.of("departmentId", property));
        act("handler", q, "accept", Map.of());
        at("2035-07-03T10:00:00");
        act("handler", q, "resolve", Map.of("note", "已更换阀门"));
        act("dispatcher", q, "verify", Map.of());
        act("dispatcher", q, "close", Map.of());
        at("2035-07-04T10:00:00");
        act("dispatcher", p, "revisit", Map.of("satisfaction", "SATISFIED"));
        act("dispatcher", q, "revisit", Map.of("satisfaction", "BASICALLY_SATISFIED"));
    }

    @Test
    void theRollupGivesTheDirectFormulasFiguresForEveryScopeAndPeriod() {
        // built before the month is played: every figure below comes from taking changed cases out and in again
        rollup.build();
        handMade();
        clock.reset();
        long town = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
        String townPath = jdbc.sql("SELECT path FROM region WHERE id = ?").param(town).query(String.class).single();
        String countyPath = townPath.substring(0, townPath.indexOf('/', 1) + 1);
        List<LocalDate[]> periods = List.of(
                days("2035-06-28", "2035-06-30"), days("2035-07-01", "2035-07-01"), days("2035-07-02", "2035-07-10"),
                days("2035-07-01", "2035-07-31"), days("2035-06-01", "2035-07-31"), days("2035-07-04", "2035-07-04"));
        assertThat(rollup.currentForRead()).isTrue();
        for (String prefix : List.of(townPath, countyPath, "/")) {
            for (LocalDate[] period : periods) {
                FactScope scope = new FactScope(prefix, null, null, null, null, period[0], period[1], null);
                Map<RateFormula, RateQueries.Counts> rolled = rollup.read(prefix, period[0], period[1]);
                for (RateFormula f : RateFormula.values()) {
                    assertThat(rolled.get(f)).as(f + " " + prefix + " " + period[0] + "–" + period[1])
                            .isEqualTo(queries.count(f, scope));
                }
            }
        }
        // worked by hand, the town in July: 按期结案率 leaves R out (parked 1 Jul, in the period), 2–10 July keeps it
        FactScope july = new FactScope(townPath, null, null, null, null, LocalDate.parse("2035-07-01"),
                LocalDate.parse("2035-07-31"), null);
        RateQueries.Counts closure = rollup.read(townPath, july.from(), july.to()).get(RateFormula.CLOSURE);
        RateQueries.Counts onTime = rollup.read(townPath, july.from(), july.to()).get(RateFormula.ON_TIME_CLOSURE);
        assertThat(closure).isEqualTo(new RateQueries.Counts(2, 3)); // due in July: P Q R; closed P Q
        assertThat(onTime).isEqualTo(new RateQueries.Counts(2, 2)); // R parked in July leaves; P Q on time
        RateQueries.Counts onTimeLater = rollup.read(townPath, LocalDate.parse("2035-07-02"),
                LocalDate.parse("2035-07-10")).get(RateFormula.ON_TIME_CLOSURE);
        assertThat(onTimeLater).isEqualTo(new RateQueries.Counts(2, 3)); // parked before the period: R stays
        // 28–30 June: dispatched P (on time) and Q (the latest dispatch of Q is 2 July, not in June) → 1/1; 回退 0/1
        RateQueries.Counts dispatchJune = rollup.read(townPath, LocalDate.parse("2035-06-28"),
                LocalDate.parse("2035-06-30")).get(RateFormula.TIMELY_DISPATCH);
        assertThat(dispatchJune).isEqualTo(new RateQueries.Counts(1, 1));

        // the page's path takes the rollup for the town and gives the same figures as the direct formulas
        RateFilter filter = new RateFilter(town, null, null, null, null, july.from(), july.to());
        List<RateFigure> page = rates.rates(filter, currentUser("leader"));
        List<RateFigure> direct = rates.direct(july, july.withPeriod(july.from().minusYears(1),
                july.to().minusYears(1)));
        assertThat(page).isEqualTo(direct);
        assertThat(page.stream().filter(f -> f.rate() == Rate.SATISFACTION).findFirst().orElseThrow().numerator())
                .isEqualTo(2);
    }

    private static LocalDate[] days(String from, String to) {
        return new LocalDate[]{LocalDate.parse(from), LocalDate.parse(to)};
    }
}
