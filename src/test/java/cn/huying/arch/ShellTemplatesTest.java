package cn.huying.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shell knows no module, in its templates too (ArchUnit sees only the Java): the shell's templates — the layout
 * every page uses, the home, sign-in and error pages, the shared partials — call only beans of the shell
 * ({@code web}) and of {@code shared} by name ({@code ${@bean.…}}); what a module shows there comes through its
 * contributions ({@code NavItem}, {@code HeaderBadge}, {@code HomeWidget}). A template of the layout calling a
 * module's bean would make every page fail without that module.
 */
class ShellTemplatesTest {

    private static final Pattern BEAN_CALL = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)\\.");
    private static final Pattern NAMED_COMPONENT = Pattern.compile("@(?:[A-Za-z.]+\\.)?Component\\(\"([A-Za-z0-9_]+)\"\\)");

    @Test
    void theShellsTemplatesCallOnlyTheShellsAndSharedBeans() throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (String module : List.of("web", "shared")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/huying", module))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = NAMED_COMPONENT.matcher(Files.readString(p));
                    while (m.find()) {
                        allowed.add(m.group(1));
                    }
                }
            }
        }
        assertThat(allowed).as("the shell's named beans").contains("shellNavigation", "countLabels");

        Path templates = Path.of("src/main/resources/templates");
        List<Path> shell = new ArrayList<>();
        try (Stream<Path> root = Files.list(templates)) {
            root.filter(p -> p.toString().endsWith(".html")).forEach(shell::add);
        }
        try (Stream<Path> partials = Files.list(templates.resolve("partials"))) {
            partials.filter(p -> p.toString().endsWith(".html")).forEach(shell::add);
        }
        assertThat(shell).as("the shell's templates").extracting(p -> p.getFileName().toString())
                .contains("layout.html", "home.html");

        List<String> calls = new ArrayList<>();
        for (Path p : shell) {
            List<String> lines = Files.readAllLines(p);
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = BEAN_CALL.matcher(lines.get(n));
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        calls.add(templates.relativize(p) + ":" + (n + 1) + " calls @" + m.group(1));
                    }
                }
            }
        }
        assertThat(calls).withFailMessage("the shell's templates call a module's bean; contribute a NavItem,"
                + " HeaderBadge or HomeWidget instead:%n%s", String.join(System.lineSeparator(), calls)).isEmpty();
    }
}
