package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Real threads: one winner when two act at once; one case however often a report is retried. */
class CaseConcurrencyIT extends CaseSupport {

    private <T> List<T> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        ready.await();
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    @Test
    void whenTwoActOnTheSameCaseAtOnceExactlyOneWinsAndTheOtherIsToldTheCurrentState() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = dispatchedToPropertyOffice();
            long version = get("handler", id).path("version").asLong();
            String token = token("handler");
            List<Http.Response> results = together(2, () -> http.post("/api/cases/" + id + "/accept",
                    Map.of("version", version, "note", "签收")).bearer(token).send());
            List<Integer> statuses = results.stream().map(Http.Response::status).sorted().toList();
            assertThat(statuses).as("round " + round + ": " + results).containsExactly(200, 409);
            Http.Response loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().path("detail").asString()).contains("已签收");
            assertThat(count("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = 'ACCEPT'", id))
                    .as("one history entry for one acceptance").isEqualTo(1);
        }
    }

    @Test
    void aStaleVersionIsRefusedWith409AndTheCaseIsUnchanged() {
        long id = dispatchedToPropertyOffice();
        long version = get("handler", id).path("version").asLong();
        Http.Response r = http.post("/api/cases/" + id + "/accept", Map.of("version", version - 1))
                .bearer(token("handler")).send();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("已派遣").contains("刷新");
        assertThat(get("handler", id).path("state").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void aCaseAnotherNodeChangedIsActedOnAsTheDatabaseHasItNotAsThisNodeLastWroteIt() {
        long id = dispatchedToPropertyOffice(); // this node wrote it last and keeps a copy
        long version = get("handler", id).path("version").asLong();
        long handler = jdbc.sql("SELECT id FROM app_user WHERE username = 'handler'").query(Long.class).single();
        // another node's handler accepts it: its UPDATE raises the version, as every write to a case does
        jdbc.sql("UPDATE case_file SET state = 'ACCEPTED', handler_id = ?, version = version + 1 WHERE id = ?")
                .params(handler, id).update();

        // the version the actor saw matches this node's copy, not the database: refused with the database's state
        Http.Response accept = http.post("/api/cases/" + id + "/accept", Map.of("version", version, "note", "签收"))
                .bearer(token("handler")).send();
        assertThat(accept.status()).as(accept.toString()).isEqualTo(409);
        assertThat(accept.json().path("detail").asString()).contains("已签收");
        assertThat(count("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = 'ACCEPT'", id)).isZero();

        // with the version the database has, the next step goes from the database's state
        act("handler", id, "resolve", Map.of("note", "已更换阀门"));
        assertThat(get("handler", id).path("state").asString()).isEqualTo("RESOLVED");
        assertThat(get("handler", id).path("version").asLong()).isEqualTo(version + 2);
    }

    @Test
    void concurrentRetriesWithTheSameIdempotencyKeyGiveBackOneCase() throws Exception {
        String key = "phone-" + UUID.randomUUID();
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Map<String, Object> report = Map.of("category", "LIVE_SANITATION", "description", "垃圾桶满溢",
                "lat", p[0], "lng", p[1]);
        String token = token("gumei");
        List<Http.Response> results = together(8, () -> http.post("/api/cases", report).bearer(token)
                .header("Idempotency-Key", key).send());
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(results.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        assertThat(results.stream().map(r -> r.json().path("id").asLong()).distinct().count()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM case_file WHERE idempotency_key = ?", key)).isEqualTo(1);

        Http.Response later = http.post("/api/cases", report).bearer(token).header("Idempotency-Key", key).send();
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.json().path("id").asLong()).isEqualTo(results.get(0).json().path("id").asLong());
    }

    @Test
    void aRetryIsAnsweredWithItsCaseTakesNoNumberAndIsAnsweredEvenWhenItsBodyNoLongerPasses() {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Map<String, Object> report = Map.of("category", "LIVE_SANITATION", "description", "楼道堆放杂物",
                "lat", p[0], "lng", p[1]);
        String token = token("gumei");
        String key = "phone-" + UUID.randomUUID();
        Http.Response first = http.post("/api/cases", report).bearer(token).header("Idempotency-Key", key).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Http.Response again = http.post("/api/cases", report).bearer(token).header("Idempotency-Key", key).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("code").asString()).isEqualTo(first.json().path("code").asString());
        // a retry whose body would now be refused (here: no description) still gets the case it created
        Http.Response broken = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "lat", p[0], "lng", p[1]))
                .bearer(token).header("Idempotency-Key", key).send();
        assertThat(broken.status()).as(broken.toString()).isEqualTo(200);
        assertThat(broken.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(broken.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        // without the key, the same body is refused
        assertThat(http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "lat", p[0], "lng", p[1]))
                .bearer(token).send().status()).isEqualTo(400);

        // the retries took no number of the day: the next report gets the one after the first
        Http.Response next = http.post("/api/cases", report).bearer(token).header("Idempotency-Key", key + "-2").send();
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(number(next.json().path("code").asString())).isEqualTo(number(first.json().path("code").asString()) + 1);
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }

    @Test
    void concurrentReportsGetDistinctConsecutiveCodes() throws Exception {
        double[] p = pointIn("木石村第一网格第1单元");
        String token = token("dispatcher");
        List<Http.Response> results = together(6, () -> http.post("/api/cases", Map.of("category", "REQ_CONSULT",
                "description", "咨询办事流程", "lat", p[0], "lng", p[1])).bearer(token).send());
        List<String> codes = results.stream().map(r -> r.json().path("code").asString()).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("MS-\\d{8}-\\d{4}"));
    }
}
