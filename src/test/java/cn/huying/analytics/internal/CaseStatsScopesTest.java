package cn.huying.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseStatsScopesTest {

    @Test
    void aCaseCountsInTheWholeTreeItsCountyAndItsTown() {
        assertThat(CaseStatsRollup.scopesOf("/1/5/40/300/")).containsExactly("/", "/1/", "/1/5/");
        assertThat(CaseStatsRollup.scopesOf("/1/5/")).containsExactly("/", "/1/", "/1/5/");
        assertThat(CaseStatsRollup.scopesOf("/1/")).containsExactly("/", "/1/");
    }

    @Test
    void theRollupKeepsScopesDownToTheTownOnly() {
        assertThat(CaseStatsRollup.kept("/")).isTrue();
        assertThat(CaseStatsRollup.kept("/1/")).isTrue();
        assertThat(CaseStatsRollup.kept("/1/5/")).isTrue();
        assertThat(CaseStatsRollup.kept("/1/5/40/")).isFalse();
    }
}
