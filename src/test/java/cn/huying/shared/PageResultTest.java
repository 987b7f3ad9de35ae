package cn.huying.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageResultTest {

    private static final List<Integer> FULL_PAGE = Collections.nCopies(15, 1);

    @Test
    void aCountUnderTheCapIsTheExactTotal() {
        PageResult<Integer> page = PageResult.capped(FULL_PAGE, 40, 1000, 0, 15);
        assertThat(page.totalExact()).isTrue();
        assertThat(page.total()).isEqualTo(40);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.hasNext()).isTrue();
        assertThat(PageResult.capped(List.of(1), 31, 1000, 2, 15).hasNext()).isFalse();
    }

    @Test
    void aCountAboveTheCapIsALowerBoundAndThereIsAlwaysANextPageWhileThePageIsFull() {
        PageResult<Integer> page = PageResult.capped(FULL_PAGE, 1001, 1000, 0, 15);
        assertThat(page.totalExact()).isFalse();
        assertThat(page.total()).as("more than 1000").isEqualTo(1000);
        assertThat(page.hasNext()).isTrue();
        // the last page the lower bound reaches still links on, as long as it is full
        PageResult<Integer> deep = PageResult.capped(FULL_PAGE, 1006, 1005, 66, 15);
        assertThat(deep.hasNext()).isTrue();
        assertThat(deep.map(i -> i + 1).totalExact()).isFalse();
    }

    @Test
    void theTwoArgumentFormIsExact() {
        assertThat(new PageResult<>(List.of(), 0, 0, 20).totalExact()).isTrue();
    }
}
