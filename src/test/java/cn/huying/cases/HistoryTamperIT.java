package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.cases.internal.HistoryChecks;
import cn.huying.identity.StepChain.Fault;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import cn.huying.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 30, tamper-evident history 全程留痕: someone with the database's password (not the history key) changes a
 * case's history behind the platform's back — edits an entry, edits one and recomputes every later seal and the
 * case's head without the key, or removes the newest entry — and the check names the case and the first broken
 * entry each time. On H2 and PostgreSQL. The append-only trigger is lifted for the edit, as such a person could.
 */
class HistoryTamperIT extends IntegrationTest {

    /** The cases this class breaks on purpose (the town's check below may run after them). */
    private static final Set<String> TAMPERED = ConcurrentHashMap.newKeySet();

    @Autowired
    HistoryChecks checks;

    /** A case with five history entries: report, register, dispatch, accept, resolve. */
    private long caseWithHistory() {
        double[] p = pointIn("木石村第一网格第1单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", "留痕核验：垃圾",
                "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of("note", "立案"));
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB"), "note", "派物业办"));
        act("handler", id, "accept", Map.of());
        act("handler", id, "resolve", Map.of("note", "已清运"));
        return id;
    }

    private String code(long id) {
        return jdbc.sql("SELECT code FROM case_file WHERE id = ?").param(id).query(String.class).single();
    }

    private HistoryChecks.Run check(String what) {
        return checks.runNow(checks.scope(what, null), "test", r -> { });
    }

    /** Runs {@code sql} with the append-only trigger lifted, as someone with the database's password could. */
    private void behindTheBack(String sql, Object... params) {
        if (TestDatabase.postgres()) {
            jdbc.sql("ALTER TABLE case_history DISABLE TRIGGER case_history_append_only").update();
            try {
                jdbc.sql(sql).params(params).update();
            } finally {
                jdbc.sql("ALTER TABLE case_history ENABLE TRIGGER case_history_append_only").update();
            }
        } else {
            jdbc.sql("DROP TRIGGER case_history_append_only").update();
            try {
                jdbc.sql(sql).params(params).update();
            } finally {
                jdbc.sql("CREATE TRIGGER case_history_append_only BEFORE UPDATE, DELETE ON case_history"
                        + " FOR EACH ROW CALL 'cn.huying.cases.internal.AppendOnlyTrigger'").update();
            }
        }
    }

    private List<Long> entries(long caseId) {
        return jdbc.sql("SELECT id FROM case_history WHERE case_id = ? ORDER BY id").param(caseId).query(Long.class).list();
    }

    @Test
    void anUntouchedCaseHoldsAndEveryEntryIsSealedInItsChain() {
        long id = caseWithHistory();
        HistoryChecks.Run run = check(code(id));
        assertThat(run.status()).isEqualTo("INTACT");
        assertThat(run.entries()).isEqualTo(5);
        assertThat(run.unsealed()).isZero();
        assertThat(jdbc.sql("SELECT history_length FROM case_file WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("SELECT seq FROM case_history WHERE case_id = ? ORDER BY id").param(id).query(Integer.class)
                .list()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void anEntryEditedBySqlIsNamed() {
        long id = caseWithHistory();
        String code = code(id);
        TAMPERED.add(code);
        long third = entries(id).get(2);
        behindTheBack("UPDATE case_history SET note = '派城管中队' WHERE id = ?", third);
        HistoryChecks.Run run = check(code);
        assertThat(run.status()).isEqualTo("BROKEN");
        assertThat(run.breaks()).containsExactly(new HistoryChecks.BrokenLink(code, 3, third, Fault.ALTERED));
    }

    @Test
    void anEntryEditedAndEveryLaterSealRecomputedWithoutTheKeyIsNamed() throws Exception {
        long id = caseWithHistory();
        String code = code(id);
        TAMPERED.add(code);
        List<Long> ids = entries(id);
        behindTheBack("UPDATE case_history SET actor_name = '他人' WHERE id = ?", ids.get(1));
        // every later seal, and the case's head, recomputed as well as one can without the key: a plain SHA-256
        String previous = jdbc.sql("SELECT seal FROM case_history WHERE id = ?").param(ids.get(0)).query(String.class).single();
        for (int k = 1; k < ids.size(); k++) {
            String row = jdbc.sql("SELECT CONCAT(action, '|', COALESCE(actor_name, ''), '|', COALESCE(note, ''))"
                    + " FROM case_history WHERE id = ?").param(ids.get(k)).query(String.class).single();
            String forged = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((previous + row).getBytes(StandardCharsets.UTF_8)));
            behindTheBack("UPDATE case_history SET seal = ? WHERE id = ?", forged, ids.get(k));
            previous = forged;
        }
        jdbc.sql("UPDATE case_file SET history_head = ? WHERE id = ?").params(previous, id).update();
        HistoryChecks.Run run = check(code);
        assertThat(run.breaks()).containsExactly(new HistoryChecks.BrokenLink(code, 2, ids.get(1), Fault.ALTERED));
    }

    @Test
    void theNewestEntryDeletedIsFoundByTheCasesHead() {
        long id = caseWithHistory();
        String code = code(id);
        TAMPERED.add(code);
        List<Long> ids = entries(id);
        behindTheBack("DELETE FROM case_history WHERE id = ?", ids.get(ids.size() - 1));
        HistoryChecks.Run run = check(code);
        assertThat(run.breaks()).containsExactly(new HistoryChecks.BrokenLink(code, 5, null, Fault.HEAD_MISMATCH));
    }

    @Test
    void theTownIsCheckedOverTheApiWithProgressAndOnlyTheTamperedCasesAreBroken() {
        long id = caseWithHistory();
        String code = code(id);
        TAMPERED.add(code);
        behindTheBack("DELETE FROM case_history WHERE id = ?", entries(id).get(0));

        Http.Response started = http.post("/api/history-checks", Map.of("scope", "370481107")).bearer(token("admin")).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long run = started.json().path("id").asLong();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(http.get("/api/history-checks/" + run).bearer(token("admin")).send().json()
                        .path("status").asString()));
        var result = http.get("/api/history-checks/" + run).bearer(token("admin")).send().json();
        assertThat(result.path("status").asString()).isEqualTo("BROKEN");
        assertThat(result.path("casesDone").asLong()).isEqualTo(result.path("casesTotal").asLong()).isPositive();
        assertThat(result.path("entries").asLong()).as("the demo history is sealed too").isGreaterThan(1000);
        List<String> broken = new java.util.ArrayList<>();
        result.path("breaks").forEach(b -> broken.add(b.path("caseCode").asString()));
        assertThat(broken).contains(code);
        assertThat(TAMPERED).containsAll(broken);
        assertThat(result.path("breaks").get(broken.indexOf(code)).path("fault").asString())
                .isEqualTo("OUT_OF_SEQUENCE");
        // only administrators check
        assertThat(http.post("/api/history-checks", Map.of("scope", "all")).bearer(token("dispatcher")).send().status())
                .isEqualTo(403);
    }
}
