package cn.huying.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Issue 22, "a fresh machine": without Debian's Chromium the browser tests are skipped with a notice naming the
 * packages (so {@code mvn -B verify} passes), while under CI a missing browser fails them.
 */
class BrowserRequirementTest {

    private final Path missing = Path.of("/nonexistent/chromium");

    @Test
    void aMissingBrowserSkipsTheTestAndNamesThePackages() {
        assertThatThrownBy(() -> Browser.requireBrowser(missing, missing, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("chromium chromium-driver");
    }

    @Test
    void underCiAMissingBrowserFails() {
        assertThatThrownBy(() -> Browser.requireBrowser(missing, missing, "true"))
                .isInstanceOf(AssertionError.class).isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install");
    }

    @Test
    void anInstalledBrowserIsUsed() {
        Path shell = Path.of("/bin/sh");
        assertThatCode(() -> Browser.requireBrowser(shell, shell, "true")).doesNotThrowAnyException();
    }
}
