package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One repository writes a case: no main source but {@link CaseRepository} (with its statements in {@link CaseRows})
 * updates {@code case_file}, inserts into {@code case_history} or writes the case's parts ({@code case_extension},
 * {@code case_progress}), except the two named here (the attachment counter, which is no state of the aggregate, and
 * the demo history's bulk seed). Every other change goes through {@link CaseRepository#save}.
 */
class OneCaseWriterTest {

    private static final Pattern WRITE = Pattern.compile(
            "(UPDATE\\s+case_file\\b|INSERT\\s+INTO\\s+case_file\\b|INSERT\\s+INTO\\s+case_history\\b|INTO\\s+\"\\s*\\+\\s*HISTORY_COLUMNS"
                    + "|(UPDATE|INSERT\\s+INTO)\\s+case_(extension|progress)\\b)");
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "CaseRepository.java", "the writer",
            "CaseRows.java", "the writer's statements",
            "AttachmentStore.java", "attachment_count, kept by the attachment store",
            "CaseDemoHistory.java", "demo seed of finished cases in bulk");

    @Test
    void onlyTheRepositoryWritesACase() throws IOException {
        List<Path> writers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            writers = files.filter(p -> p.toString().endsWith(".java")).filter(OneCaseWriterTest::writesACase).toList();
        }
        assertThat(writers).extracting(p -> p.getFileName().toString()).isNotEmpty()
                .allMatch(EXCEPTIONS::containsKey, "is the repository or a named exception")
                .contains("CaseRepository.java");
    }

    private static boolean writesACase(Path p) {
        try {
            return WRITE.matcher(Files.readString(p).replace('\n', ' ')).find()
                    || Files.readString(p).toUpperCase(Locale.ROOT).contains("UPDATE CASE_FILE");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
