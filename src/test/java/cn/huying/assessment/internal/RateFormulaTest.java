package cn.huying.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each rate formula on a hand-made set of cases whose answer is worked out by hand in the comments. The cases sit in
 * a table shaped like the published view {@code case_facts_v}; the period is March 2026 (Asia/Shanghai) in region
 * /1/2/. A case of another region (/1/9/) or outside March never counts.
 */
class RateFormulaTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong DB = new AtomicLong();
    private JdbcClient jdbc;
    private RateQueries queries;
    private final AtomicLong ids = new AtomicLong();
    private final FactScope march = new FactScope("/1/2/", null, null, null, null, LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-31"), null);

    @BeforeEach
    void table() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rates" + DB.incrementAndGet() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                CREATE TABLE case_facts_v (id BIGINT, code VARCHAR(30), title VARCHAR(100), category_name VARCHAR(30),
                  state VARCHAR(20), region_name VARCHAR(30), department_name VARCHAR(30), region_path VARCHAR(60),
                  department_id BIGINT, category_id BIGINT, category_parent_id BIGINT, channel VARCHAR(30), kind VARCHAR(30),
                  grid_id BIGINT, received_at TIMESTAMP WITH TIME ZONE, due_at TIMESTAMP WITH TIME ZONE,
                  closed_at TIMESTAMP WITH TIME ZONE, parked_at TIMESTAMP WITH TIME ZONE, resolved_on_time BOOLEAN,
                  resolved_at TIMESTAMP WITH TIME ZONE, rework_count INT DEFAULT 0, dispatched_at TIMESTAMP WITH TIME ZONE,
                  dispatched_on_time BOOLEAN, return_count INT DEFAULT 0, extension_count INT DEFAULT 0,
                  revisited_at TIMESTAMP WITH TIME ZONE, satisfaction VARCHAR(30), first_contact_due_at TIMESTAMP WITH TIME ZONE,
                  first_contacted_at TIMESTAMP WITH TIME ZONE, resolved_tier VARCHAR(10))""").update();
        queries = new RateQueries(jdbc, Clock.system(SHANGHAI));
    }

    /** A case in region /1/2/ with the given columns ("2026-03-05" style dates, 10:00 Beijing time). */
    private void fact(Object... columnValues) {
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("id", ids.incrementAndGet());
        cols.put("code", "T-" + ids.get());
        cols.put("state", "CLOSED");
        cols.put("region_path", "/1/2/3/");
        for (int i = 0; i < columnValues.length; i += 2) {
            Object v = columnValues[i + 1];
            cols.put((String) columnValues[i], v instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\d.*") ? at(s) : v);
        }
        String names = String.join(", ", cols.keySet());
        String marks = String.join(", ", cols.keySet().stream().map(k -> "?").toList());
        jdbc.sql("INSERT INTO case_facts_v (" + names + ") VALUES (" + marks + ")").params(cols.values().stream().toList())
                .update();
    }

    private static OffsetDateTime at(String s) {
        LocalDateTime t = s.length() == 10 ? LocalDate.parse(s).atTime(10, 0) : LocalDateTime.parse(s);
        return t.atZone(SHANGHAI).toOffsetDateTime();
    }

    private RateQueries.Counts count(RateFormula f) {
        return queries.count(f, march);
    }

    @Test
    void closureRateCountsByDueDate() {
        fact("due_at", "2026-03-03", "closed_at", "2026-03-02");                      // due, closed
        fact("due_at", "2026-03-20", "closed_at", "2026-04-02");                      // due, closed late: still 结案
        fact("due_at", "2026-03-31", "state", "ACCEPTED");                            // due, open
        fact("due_at", "2026-03-10", "state", "MERGED", "closed_at", "2026-03-10");   // merged: not counted
        fact("due_at", "2026-04-01T00:30:00", "closed_at", "2026-03-30");             // due in April (Beijing): no
        fact("due_at", "2026-03-10", "closed_at", "2026-03-09", "region_path", "/1/9/"); // other region: no
        // 结案率 = 2 / 3
        assertThat(count(RateFormula.CLOSURE)).isEqualTo(new RateQueries.Counts(2, 3));
    }

    @Test
    void onTimeClosureLeavesOutTheCasesParkedInThePeriod() {
        fact("due_at", "2026-03-05", "closed_at", "2026-03-05", "resolved_on_time", true);   // on time
        fact("due_at", "2026-03-06", "closed_at", "2026-03-09", "resolved_on_time", false);  // late
        fact("due_at", "2026-03-07", "state", "ACCEPTED");                                   // not closed
        fact("due_at", "2026-03-08", "state", "PARKED", "parked_at", "2026-03-04");          // 缓办: out
        fact("due_at", "2026-03-09", "closed_at", "2026-03-09", "resolved_on_time", true,
                "parked_at", "2026-02-01");                                                  // parked in Feb: stays in
        // 按期结案率 = 按期结案数 2 / (应结案数 5 − 缓办数 1) = 2 / 4
        assertThat(count(RateFormula.ON_TIME_CLOSURE)).isEqualTo(new RateQueries.Counts(2, 4));
    }

    @Test
    void disposalRateCountsTheCasesReceivedInThePeriod() {
        fact("received_at", "2026-03-01T00:10:00", "resolved_at", "2026-03-02");   // received, resolved
        fact("received_at", "2026-03-11", "state", "DISPATCHED");                  // received, open
        fact("received_at", "2026-03-12", "state", "REJECTED");                    // refused: not 应处置
        fact("received_at", "2026-03-13", "state", "TRANSFERRED");                 // transferred: not 应处置
        fact("received_at", "2026-02-28T23:50:00", "resolved_at", "2026-03-01");   // received in February: no
        // 处置率 = 1 / 2
        assertThat(count(RateFormula.DISPOSAL)).isEqualTo(new RateQueries.Counts(1, 2));
    }

    @Test
    void reworkRateCountsByResolution() {
        fact("resolved_at", "2026-03-02", "rework_count", 1);
        fact("resolved_at", "2026-03-03");
        fact("resolved_at", "2026-03-04");
        fact("resolved_at", "2026-03-05", "rework_count", 2);
        fact("resolved_at", "2026-04-05", "rework_count", 1);   // April: no
        // 返工率 = 返工数 2 / 处置数 4
        assertThat(count(RateFormula.REWORK)).isEqualTo(new RateQueries.Counts(2, 4));
    }

    @Test
    void timelyDispatchReturnAndExtensionCountByDispatch() {
        fact("dispatched_at", "2026-03-02", "dispatched_on_time", true, "return_count", 1);
        fact("dispatched_at", "2026-03-03", "dispatched_on_time", false, "extension_count", 1);
        fact("dispatched_at", "2026-03-04", "dispatched_on_time", true);
        fact("dispatched_at", "2026-03-05", "dispatched_on_time", true, "extension_count", 2);
        fact("dispatched_at", "2026-03-06", "dispatched_on_time", true);
        fact("received_at", "2026-03-06");                                       // never dispatched: no
        // 及时派遣率 = 4 / 5; 回退率 = 1 / 5; 延期率 = 2 / 5
        assertThat(count(RateFormula.TIMELY_DISPATCH)).isEqualTo(new RateQueries.Counts(4, 5));
        assertThat(count(RateFormula.RETURN)).isEqualTo(new RateQueries.Counts(1, 5));
        assertThat(count(RateFormula.EXTENSION)).isEqualTo(new RateQueries.Counts(2, 5));
    }

    @Test
    void satisfactionCountsTheRevisitsOfThePeriod() {
        fact("revisited_at", "2026-03-02", "satisfaction", "SATISFIED");
        fact("revisited_at", "2026-03-03", "satisfaction", "BASICALLY_SATISFIED");
        fact("revisited_at", "2026-03-04", "satisfaction", "UNSATISFIED");
        fact("revisited_at", "2026-03-05", "satisfaction", "SATISFIED");
        fact("closed_at", "2026-03-05");                                          // not revisited: no
        fact("revisited_at", "2025-03-05", "satisfaction", "SATISFIED");          // last year: no
        // 满意率 = (满意 2 + 基本满意 1) / 回访数 4
        assertThat(count(RateFormula.SATISFACTION)).isEqualTo(new RateQueries.Counts(3, 4));
    }

    @Test
    void responseRateCountsByFirstContactDue() {
        fact("first_contact_due_at", "2026-03-03T17:00:00", "first_contacted_at", "2026-03-03T09:00:00");  // on time
        fact("first_contact_due_at", "2026-03-04T17:00:00", "first_contacted_at", "2026-03-05T09:00:00");  // late
        fact("first_contact_due_at", "2026-03-05T17:00:00");                                               // never
        // 响应率 = 1 / 3
        assertThat(count(RateFormula.RESPONSE)).isEqualTo(new RateQueries.Counts(1, 3));
    }

    @Test
    void sharesResolvedWithinGridVillageAndTown() {
        fact("resolved_at", "2026-03-02", "resolved_tier", "GRID");
        fact("resolved_at", "2026-03-03", "resolved_tier", "GRID");
        fact("resolved_at", "2026-03-04", "resolved_tier", "VILLAGE");
        fact("resolved_at", "2026-03-05", "resolved_tier", "TOWN");
        fact("resolved_at", "2026-03-06", "resolved_tier", "TOWN");
        // grid 2 / 5; village (grid + village) 3 / 5; town 5 / 5
        assertThat(count(RateFormula.WITHIN_GRID)).isEqualTo(new RateQueries.Counts(2, 5));
        assertThat(count(RateFormula.WITHIN_VILLAGE)).isEqualTo(new RateQueries.Counts(3, 5));
        assertThat(count(RateFormula.WITHIN_TOWN)).isEqualTo(new RateQueries.Counts(5, 5));
    }

    @Test
    void theCasesBehindAFigureAreTheOnesCounted() {
        fact("due_at", "2026-03-03", "closed_at", "2026-03-02", "code", "A");
        fact("due_at", "2026-03-20", "state", "ACCEPTED", "code", "B");
        fact("due_at", "2026-04-20", "closed_at", "2026-03-02", "code", "C");
        assertThat(queries.cases(RateFormula.CLOSURE, march, false, 10)).extracting(c -> c.code())
                .containsExactly("B", "A");
        assertThat(queries.cases(RateFormula.CLOSURE, march, true, 10)).extracting(c -> c.code()).containsExactly("A");
    }

    @Test
    void filtersNarrowTheCount() {
        fact("resolved_at", "2026-03-02", "channel", "HOTLINE_12345", "category_id", 7L, "category_parent_id", 1L);
        fact("resolved_at", "2026-03-02", "channel", "GRID_REPORT", "category_id", 1L);
        fact("resolved_at", "2026-03-02", "channel", "GRID_REPORT", "category_id", 2L, "department_id", 5L);
        FactScope hotline = new FactScope("/1/2/", null, null, "HOTLINE_12345", null, march.from(), march.to(), null);
        FactScope category1 = new FactScope("/1/2/", null, 1L, null, null, march.from(), march.to(), null);
        FactScope department5 = new FactScope("/1/2/", 5L, null, null, null, march.from(), march.to(), null);
        assertThat(queries.count(RateFormula.REWORK, hotline).denominator()).isEqualTo(1);
        assertThat(queries.count(RateFormula.REWORK, category1).denominator()).isEqualTo(2);   // itself and its child
        assertThat(queries.count(RateFormula.REWORK, department5).denominator()).isEqualTo(1);
    }
}
