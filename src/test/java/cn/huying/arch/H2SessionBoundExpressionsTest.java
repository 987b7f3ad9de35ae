package cn.huying.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * H2 (2.4) compiles an {@code IN (…)} list in a stored expression — a CHECK constraint or a generated column — once,
 * bound to the session that ran the DDL; when the pool retires that connection, every write to the table fails with
 * "The database has been closed" (issue 22: case writes stopped after 30 minutes; the same held later for two module
 * tables). No migration H2 runs may store such an expression; PostgreSQL-only folders may.
 */
class H2SessionBoundExpressionsTest {

    private static final Pattern STORED = Pattern.compile("(?i)(CHECK|GENERATED\\s+ALWAYS\\s+AS)\\s*\\(");
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(");

    @Test
    void noMigrationThatH2RunsStoresAnInListExpression() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("postgresql")).toList()) {
                String sql = Files.readString(f).replaceAll("--[^\\n]*", "");
                Matcher m = STORED.matcher(sql);
                while (m.find()) {
                    String expression = balanced(sql, m.end() - 1);
                    if (IN_LIST.matcher(expression).find()) {
                        found.add(f + ": " + m.group(1) + " " + expression.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        // V16_0 is the applied original of issue 22's defect; h2/V21_0 drops its column again
        assertThat(found).allMatch(s -> s.contains("V16_0__case_open_category.sql"));
    }

    /** The parenthesised text that starts at {@code open}. */
    private static String balanced(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return s.substring(open, i + 1);
            }
        }
        return s.substring(open);
    }
}
