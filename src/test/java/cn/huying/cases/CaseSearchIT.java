package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The case list's search {@code q} through the search index: a new case is found within seconds,
 * by a word of two characters and by four, only by users whose data scope holds it.
 */
class CaseSearchIT extends CaseSupport {

    @Autowired
    SearchIndexStatus index;

    /** Two random CJK characters: a word no other case of this run contains. */
    String word;

    @BeforeEach
    void indexReadyAndAFreshWord() {
        await().atMost(Duration.ofSeconds(60)).until(index::ready);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        word = new String(new int[]{0x5000 + r.nextInt(0x3000), 0x5000 + r.nextInt(0x3000)}, 0, 2);
    }

    JsonNode search(String user, Object... params) {
        Http.Response r = http.get("/api/cases" + Http.query(params)).bearer(token(user)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    List<Long> found(String user, Object... params) {
        return search(user, params).path("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    @Test
    void aJustReportedCaseIsFoundWithinSecondsByTwoAndByFourCharacters() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", "楼道" + word + "漏水，请尽快处理");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> found("dispatcher", "q", word).contains(id));
        JsonNode two = search("dispatcher", "q", word);
        assertThat(two.path("total").asLong()).isEqualTo(1);
        assertThat(two.path("items").get(0).path("code").asString()).startsWith("MS-");
        assertThat(found("dispatcher", "q", word + "漏水")).containsExactly(id);
        assertThat(found("dispatcher", "q", "道" + word + "漏")).containsExactly(id);
        // the characters must stand together, in this order
        assertThat(search("dispatcher", "q", "漏水" + word).path("total").asLong()).isZero();
        assertThat(search("dispatcher", "q", word + "管道").path("total").asLong()).isZero();
        // the common word finds it too, among the others, newest first
        JsonNode common = search("dispatcher", "q", "漏水", "size", 200);
        assertThat(common.path("total").asLong()).isGreaterThanOrEqualTo(1);
        List<String> created = common.path("items").findValuesAsString("createdAt");
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /** Once the index says it caught up after a case was written, the case is found: no wait, no retry. */
    @Test
    void caughtUpMeansEveryCaseWrittenBeforeIsFound() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", "楼道" + word + "漏水，请尽快处理");
        java.time.Instant written = java.time.Instant.now();
        assertThat(index.caughtUpAt()).isBefore(written);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> index.caughtUpAt().isAfter(written));
        assertThat(found("dispatcher", "q", word)).containsExactly(id);
    }

    @Test
    void onlyUsersWhoseScopeHoldsTheCaseFindIt() {
        long id = report("gumei", "LIVE_HEATING", "凤翔小镇社区第一网格第2单元", word + "暖气管道漏水");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> found("dispatcher", "q", word).contains(id));
        // the cadre of 卓庄村 (another village), the property office's handler before it has the case
        assertThat(search("cadre", "q", word).path("total").asLong()).isZero();
        assertThat(search("cadre", "q", word + "暖气管道").path("items").size()).isZero();
        assertThat(search("handler", "q", word).path("total").asLong()).isZero();

        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        // the index follows the case's department and state
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> found("handler", "q", word).contains(id));
        assertThat(search("handler", "q", word + "暖气").path("total").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> search("dispatcher", "q", word, "state", "DISPATCHED").path("total").asLong() == 1);
        assertThat(search("dispatcher", "q", word, "state", "REPORTED").path("total").asLong()).isZero();
        assertThat(search("cadre", "q", word).path("total").asLong()).isZero();
    }
}
