package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 重复件: how alike two reports read, by their character bigrams. */
class DuplicatePolicyTest {

    @Test
    void theSameComplaintInOtherWordsIsAlikeAndPunctuationDoesNotCount() {
        assertThat(DuplicatePolicy.textSimilarity("小区停水了", "小区停水了！")).isEqualTo(1.0);
        // 小区/区停/停水 shared of 小区/区停/停水/水一/一天/天了/水了
        assertThat(DuplicatePolicy.textSimilarity("小区停水一天了", "小区停水了")).isEqualTo(Math.round(1000.0 * 3 / 7) / 1000.0);
        assertThat(DuplicatePolicy.textSimilarity("路灯不亮", "暖气漏水")).isZero();
        assertThat(DuplicatePolicy.textSimilarity("，。", "路灯不亮")).isZero();
        // Latin spaces and punctuation are skipped too; repeated pairs count once
        assertThat(DuplicatePolicy.textSimilarity("3号楼 漏水! (急)", "3号楼漏水急")).isEqualTo(1.0);
        assertThat(DuplicatePolicy.textSimilarity("漏水漏水漏水", "漏水")).isEqualTo(Math.round(1000.0 * 1 / 2) / 1000.0);
    }

    @Test
    void bigramsMadeOnceGiveTheSameSimilarityForEveryCandidate() {
        var mine = DuplicatePolicy.bigrams("11号楼暖气管道漏水，楼道积水");
        for (String other : new String[]{"暖气管道漏水", "楼道积水结冰", "垃圾无人清运", null}) {
            assertThat(DuplicatePolicy.textSimilarity(mine, other))
                    .isEqualTo(DuplicatePolicy.textSimilarity("11号楼暖气管道漏水，楼道积水", other));
        }
    }
}
