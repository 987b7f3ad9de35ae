package cn.huying.arch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.shared.Zones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One time zone for the whole platform (issue 23): every date is counted and shown in the zone of the platform's
 * Clock, the setting {@code huying.calendar.zone}. The default is written once, in {@link Zones}; a second
 * {@code "Asia/Shanghai"} in the code, or in a template, would count or show dates in that zone whatever the setting.
 */
class OneZoneTest {

    private static final String ZONE = "Asia/Shanghai";
    private static final Path HOME = Path.of("src/main/java/cn/huying/shared/Zones.java");
    private static final String THE_DEFAULT = "public static final String DEFAULT = \"" + ZONE + "\";";

    @Test
    void theDefaultZoneIsWrittenOnceInTheCode() throws IOException {
        List<String> found = occurrences(Path.of("src/main/java"), ".java");
        List<String> others = found.stream().filter(f -> !f.startsWith(HOME + ":") || !f.endsWith(THE_DEFAULT)).toList();
        assertThat(others)
                .withFailMessage("%s is written outside %s; take the zone from the injected Clock (clock.getZone(),"
                        + " LocalDate.now(clock)) or, in an annotation, Zones.SETTING:%n%s", ZONE, HOME,
                        String.join(System.lineSeparator(), others))
                .isEmpty();
        assertThat(found).as("the one default, in %s", HOME).hasSize(1);
        assertThat(Zones.DEFAULT).isEqualTo(ZONE);
    }

    @Test
    void pagesShowDatesInThePlatformZone() throws IOException {
        List<String> found = occurrences(Path.of("src/main/resources/templates"), ".html");
        assertThat(found)
                .withFailMessage("a template names %s; format with @pageZone.zone(), the platform Clock's zone:%n%s",
                        ZONE, String.join(System.lineSeparator(), found))
                .isEmpty();
    }

    /** Every line of the files under {@code root} that names the zone, as {@code path:line: text}. */
    private static List<String> occurrences(Path root, String suffix) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
        assertThat(files).as("files under %s", root).isNotEmpty();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(ZONE)) {
                    found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }
}
