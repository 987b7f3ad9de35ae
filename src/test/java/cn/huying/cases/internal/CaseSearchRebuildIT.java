package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.cases.CaseQuery;
import cn.huying.identity.RegionScope;
import cn.huying.shared.PageRequest;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index built from the database in the background (from nothing, in batches), kept across a
 * restart by its stored watermark, and brought up to date with what happened while it was down.
 */
class CaseSearchRebuildIT extends IntegrationTest {

    @TempDir
    Path dir;

    long report(String text) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description", text,
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    CaseSearchIndexer indexer() {
        // batches of 7 cases: the rebuild and the polls go through many batches
        return new CaseSearchIndexer(jdbc, new CaseSearchIndexer.SearchProperties(true, dir.toString(), false,
                Duration.ofMillis(100), Duration.ofSeconds(10), 7, Duration.ofMillis(200)), "unused");
    }

    static List<Long> find(CaseSearchIndexer indexer, String q) {
        return indexer.searchable().search(new CaseQuery(null, null, null, null, null, q, PageRequest.of(0, 20)),
                new CaseScope(RegionScope.all(), null, null), null).ids();
    }

    @Test
    void anEmptyIndexIsBuiltFromTheDatabaseAndAfterARestartCatchesUp() {
        String marker = "重建" + UUID.randomUUID().toString().substring(0, 8);
        long before = report(marker + "暖气管道漏水");
        long cases = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();

        CaseSearchIndexer first = indexer();
        first.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(first::ready);
            assertThat(first.documents()).isGreaterThanOrEqualTo(cases);
            assertThat(find(first, marker)).containsExactly(before);
            assertThat(find(first, marker + "暖气")).containsExactly(before);
        } finally {
            first.stop();
        }

        long whileDown = report(marker + "管道漏水第二次");
        CaseSearchIndexer second = indexer();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(second::ready);
            assertThat(second.rebuildDocsPerSecond()).as("no second rebuild").isZero();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> find(second, marker).equals(List.of(whileDown, before)));
            assertThat(find(second, "第二次" + "")).contains(whileDown);
        } finally {
            second.stop();
        }
    }
}
