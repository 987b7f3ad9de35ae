package cn.huying.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

/** The words a case's text counts for: smartcn's words, unknown words joined from their characters, no generic words. */
class HotIssueFinderTest {

    @Test
    void wordsOfACaseText() {
        try (SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer()) {
            assertThat(HotIssueFinder.words(analyzer, "卓庄村东街路灯不亮，夜间出行不便"))
                    .contains("路灯", "不亮", "夜间", "出行").doesNotContain("路", "灯", "东街路灯");
            assertThat(HotIssueFinder.words(analyzer, "小区暖气管道漏水，请尽快维修暖气管道"))
                    .containsExactly("暖气", "管道", "漏水", "维修");
            assertThat(HotIssueFinder.words(analyzer, "群众反映楼道内电动车充电存在问题"))
                    .contains("电动车", "充电").doesNotContain("群众", "反映", "存在", "问题");
            assertThat(HotIssueFinder.words(analyzer, "居民在楼道内给电动车充电，飞线充电存在火灾隐患"))
                    .containsExactly("楼道", "电动车", "充电", "飞线", "火灾").doesNotContain("内给");
        }
    }
}
