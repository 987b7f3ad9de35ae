package cn.huying.cases.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.identity.RegionScope;
import cn.huying.shared.PageRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the case search index finds: the texts that contain the query, like SQL LIKE did, in scope, newest first. */
class SearchIndexTest {

    @TempDir
    Path dir;

    SearchIndex index;
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    @BeforeEach
    void open() throws Exception {
        index = new SearchIndex(dir, 16);
        put(1, "/1/2/5/", "暖气管道漏水", "楼道暖气管道漏水，请尽快处理", "REPORTED", 10L);
        put(2, "/1/2/6/", "楼上渗漏水", "楼上漏水渗到楼下引发邻里纠纷", "CLOSED", 11L);
        put(3, "/1/3/7/", "燃气管道老化", "燃气管道老化有异味A栋楼", "REPORTED", null);
        put(4, "/1/3/7/", "小区停电", "小区频繁停电，水压太低", "DISPATCHED", 10L);
        put(5, "/1/2/5/", "暖气不热", "暖气不热，管道阀门损坏", "REPORTED", null);
        index.commit(Map.of());
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    void put(long id, String path, String title, String text, String state, Long dept) throws Exception {
        index.put(new SearchIndex.Doc(id, "MS-" + id, title, text, state, "LIVELIHOOD", "TOWN", dept, 99L, path,
                T.plusSeconds(id * 60)));
    }

    /** The scope as the case list hands it to the index (cases.internal.CaseSearchIndex). */
    static SearchScope scope(RegionScope regions, Long departmentId) {
        return new SearchScope(regions.unrestricted() ? null : regions.pathPrefix(), departmentId, null);
    }

    List<Long> ids(String q) {
        return find(q, RegionScope.all(), null).ids();
    }

    SearchIndex.Hits find(String q, RegionScope scope, CaseState state) {
        return index.search(new CaseQuery(state, null, null, null, null, q, PageRequest.of(0, 20)),
                scope(scope, null), null, 1000);
    }

    @Test
    void aTwoCharacterWordIsFoundInsideAnyText() {
        // 渗漏水 would be 渗漏/水 to a word segmenter: the bigram 漏水 is there all the same
        assertThat(ids("漏水")).containsExactly(2L, 1L);
        assertThat(ids("停电")).containsExactly(4L);
    }

    @Test
    void aLongerQueryMustAppearAsItIsWritten() {
        assertThat(ids("暖气管道")).containsExactly(1L);
        assertThat(ids("燃气管道")).containsExactly(3L);
        // 暖气 and 管道 both in case 5, but not one after the other
        assertThat(ids("暖气管道漏水")).containsExactly(1L);
        assertThat(ids("管道漏")).containsExactly(1L);
        assertThat(ids("气管道老")).containsExactly(3L);
    }

    @Test
    void singleCharactersPunctuationMixedTextAndSpaces() {
        assertThat(ids("水")).containsExactly(4L, 2L, 1L);
        assertThat(ids("A栋")).containsExactly(3L);
        assertThat(ids("a栋楼")).containsExactly(3L);
        assertThat(ids("异味a")).containsExactly(3L);
        assertThat(ids("停电，水压")).containsExactly(4L);
        assertThat(ids("暖气  损坏")).containsExactly(5L);
        assertThat(ids("漏雨")).isEmpty();
    }

    @Test
    void theCodeIsFoundExactly() {
        assertThat(ids("MS-3")).containsExactly(3L);
    }

    @Test
    void onlyCasesInTheScopeAndFiltersAreFoundAndCounted() {
        assertThat(find("管道", new RegionScope("/1/2/", null), null).ids()).containsExactly(5L, 1L);
        assertThat(find("管道", new RegionScope("/1/3/", null), null).ids()).containsExactly(3L);
        assertThat(find("管道", new RegionScope("/1/2/6/", null), null).total()).isZero();
        assertThat(find("管道", RegionScope.all(), CaseState.REPORTED).total()).isEqualTo(3);
        assertThat(index.search(new CaseQuery(null, null, null, null, null, "漏水", PageRequest.of(0, 20)),
                scope(RegionScope.all(), 10L), null, 1000).ids()).containsExactly(1L);
    }

    @Test
    void aChangedCaseIsReplacedAndPagesAreNewestFirst() throws Exception {
        put(1, "/1/2/5/", "暖气管道漏水", "楼道暖气管道漏水，请尽快处理", "CLOSED", 10L);
        index.refresh();
        assertThat(find("漏水", RegionScope.all(), CaseState.CLOSED).ids()).containsExactly(2L, 1L);
        assertThat(index.documents()).isEqualTo(5);
        SearchIndex.Hits second = index.search(new CaseQuery(null, null, null, null, null, "管道",
                PageRequest.of(1, 2)), scope(RegionScope.all(), null), null, 1000);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.ids()).containsExactly(1L);
    }

    @Test
    void pastTheCapTheTotalSaysMoreThanTheCapAndThePageIsStillTheNewest() {
        SearchIndex.Hits capped = index.search(new CaseQuery(null, null, null, null, null, "水",
                PageRequest.of(0, 1)), scope(RegionScope.all(), null), null, 2);
        assertThat(capped.total()).isEqualTo(3); // cap + 1: "more than 2"
        assertThat(capped.ids()).containsExactly(4L);
        SearchIndex.Hits exact = index.search(new CaseQuery(null, null, null, null, null, "水",
                PageRequest.of(0, 1)), scope(RegionScope.all(), null), null, 3);
        assertThat(exact.total()).isEqualTo(3);
    }
}
