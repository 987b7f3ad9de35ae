package cn.huying.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The shared kernel publishes no event and listens to none. What the other modules use of it at run time is one bean:
 * {@code countLabels}, which every module's templates and the layout's pager call by that name
 * ({@code ${@countLabels.badge(n)}}, {@code ${@countLabels.total(page)}}): a badge shows a count up to
 * {@link CountLabels#BADGE_CAP} and "cap+" above it (analytics' queue counts stop one above the cap), and a list
 * counted only up to a cap ({@link PageResult#capped}) shows its total as a lower bound with "+" and still has a
 * next page. The module starts on its own (it depends on nothing).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@ModuleTestSetup
class SharedModuleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theCountLabelsBeanTheTemplatesCallByNameMarksCappedCounts() {
        CountLabels labels = context.getBean("countLabels", CountLabels.class);

        assertThat(labels.badge(CountLabels.BADGE_CAP)).isEqualTo(Long.toString(CountLabels.BADGE_CAP));
        assertThat(labels.badge(CountLabels.BADGE_CAP + 1L)).isEqualTo(CountLabels.BADGE_CAP + "+");

        int cap = 3;
        List<String> fullPage = List.of("a", "b");
        PageResult<String> exact = PageResult.capped(fullPage, cap, cap, 0, fullPage.size());
        PageResult<String> more = PageResult.capped(fullPage, cap + 1, cap, 0, fullPage.size());
        assertThat(labels.total(exact)).as("counted to the cap: exact").isEqualTo(Integer.toString(cap));
        assertThat(labels.total(more)).as("above the cap: a lower bound").isEqualTo(cap + "+");
        assertThat(more.totalExact()).isFalse();
        assertThat(more.hasNext()).as("a full page of a list counted only to its cap has a next page").isTrue();
    }
}
