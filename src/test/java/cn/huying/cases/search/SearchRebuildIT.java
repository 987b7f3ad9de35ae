package cn.huying.cases.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.cases.CaseQuery;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An index built from the database in the background (from nothing, in batches), kept across a
 * restart by its stored watermark, and brought up to date with what happened while it was down.
 */
class SearchRebuildIT extends IntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    SearchIndexer running;

    long report(String text) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_HEATING", "description", text,
                "lat", p[0], "lng", p[1])).bearer(token("gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    SearchIndexer indexer() {
        // batches of 7 cases: the rebuild and the polls go through many batches
        return new SearchIndexer(jdbc, new SearchProperties(true, dir.toString(), false,
                Duration.ofMillis(100), Duration.ofSeconds(10), 7, Duration.ofMillis(200)), "unused");
    }

    static List<Long> find(SearchIndexer indexer, String q) {
        return indexer.searchable().search(new CaseQuery(null, null, null, null, null, q, PageRequest.of(0, 20)),
                new SearchScope(null, null, null), null, 1000).ids();
    }

    @Test
    void anEmptyIndexIsBuiltFromTheDatabaseAndAfterARestartCatchesUp() {
        String marker = "重建" + UUID.randomUUID().toString().substring(0, 8);
        long before = report(marker + "暖气管道漏水");
        long cases = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();

        SearchIndexer first = indexer();
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
        SearchIndexer second = indexer();
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

    List<Long> findIn(SearchIndexer indexer, String regionPath, String q) {
        return indexer.searchable().search(new CaseQuery(null, null, null, null, null, q, PageRequest.of(0, 20)),
                new SearchScope(regionPath, null, null), null, 1000).ids();
    }

    String path(long regionId) {
        return jdbc.sql("SELECT path FROM region WHERE id = ?").param(regionId).query(String.class).single();
    }

    long newRegion(String type, String name, long parentId) {
        String code = "3704819" + (10000 + new java.util.Random().nextInt(89999));
        Http.Response r = http.post("/api/regions", Map.of("code", code, "name", name, "type", type,
                "parentId", parentId)).bearer(token("admin")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void theCasesOfAMovedRegionAreFoundInItsNewPlaceOnly() {
        await().atMost(Duration.ofSeconds(60)).until(running::ready);
        long town = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long otherTown = newRegion("TOWN", "搜索另一镇" + suffix, regionId("370481"));
        long village = newRegion("VILLAGE", "搜索迁移村" + suffix, town);
        String marker = "迁移" + suffix;
        long id = report(marker + "路灯不亮");
        // the case belongs to the new village (as if reported there); the indexer sees the change
        jdbc.sql("UPDATE case_file SET region_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(village, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), id).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> findIn(running, path(village), marker).equals(List.of(id)));
        assertThat(findIn(running, path(town), marker)).containsExactly(id);
        assertThat(findIn(running, path(otherTown), marker)).isEmpty();

        Http.Response moved = http.post("/api/regions/" + village + "/move", Map.of("parentId", otherTown))
                .bearer(token("admin")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> findIn(running, path(otherTown), marker).equals(List.of(id)));
        assertThat(findIn(running, path(town), marker)).isEmpty();
        assertThat(findIn(running, path(village), marker)).containsExactly(id);
    }
}
