package cn.huying.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module never reads another module's tables (issue 23 item 2): the SQL in every module's main code and migrations
 * names only its own tables and the views other modules publish. A table belongs to the module whose migration folder
 * creates it; the core folders ({@code db/migration/{common,h2,postgresql}}) belong to one owner, the core modules
 * ({@link #CORE}), which share them. Any view ({@code CREATE VIEW}) is a published read model, e.g. cases'
 * {@code case_facts_v} (docs/cases.md).
 */
class TableOwnershipTest {

    /** The modules whose tables live in the core migration folders (they predate per-module folders). */
    static final Set<String> CORE = Set.of("identity", "region", "calendar", "cases", "hotline", "notify", "demo",
            "web", "shared", "search", "ops");

    /**
     * Known breaches in migrations already applied (a migration is never edited): file → the table it names. Each is
     * a debt of the owning module, listed here so that no new one slips in beside it. None today: mediation's grants
     * come from RoleGrant beans and the mediator's lost case:view from the core's own V25_2.
     */
    static final Map<String, Set<String>> KNOWN = Map.of();

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/cn/huying");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_VIEW = Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+([a-z_][a-z0-9_]*)");
    /** Upper-case SQL keywords (the house style), so that English prose ("taken from region") is not read as SQL. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\\s+([a-z_][a-z0-9_]*)\\b");

    record Schema(Map<String, String> tableOwner, Set<String> views) {
    }

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        Schema schema = schema();
        assertThat(schema.tableOwner()).containsEntry("case_file", "core");
        assertThat(schema.views()).contains("case_facts_v");
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            if (CORE.contains(module)) {
                continue;
            }
            for (Path file : filesOf(module)) {
                for (String table : violations(module, Files.readString(file), schema)) {
                    if (KNOWN.getOrDefault(file.toString().replace('\\', '/'), Set.of()).contains(table)) {
                        continue;
                    }
                    violations.add(file + " names " + table + " (owned by " + schema.tableOwner().get(table) + ")");
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table instead of a published view").isEmpty();
    }

    /** The rule itself: a new module naming a core table is caught, its own tables and a published view are not. */
    @Test
    void theRuleCatchesATableOfAnotherModule() {
        Schema schema = new Schema(Map.of("case_file", "core", "assessment_score", "assessment", "ledger", "analytics"),
                Set.of("case_facts_v"));
        assertThat(violations("assessment", "SELECT c.id FROM case_file c JOIN assessment_score s ON 1 = 1", schema))
                .containsExactly("case_file");
        assertThat(violations("assessment", "SELECT f.id FROM case_facts_v f JOIN assessment_score s ON 1 = 1", schema))
                .isEmpty();
        assertThat(violations("assessment", "INSERT INTO ledger (a) VALUES (1)", schema)).containsExactly("ledger");
        assertThat(violations("assessment", "the figures are taken from case_file's history", schema)).isEmpty();
    }

    static Set<String> violations(String module, String text, Schema schema) {
        Set<String> found = new HashSet<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String owner = schema.tableOwner().get(name);
            if (owner != null && !owner.equals(module) && !schema.views().contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    static Schema schema() throws IOException {
        Map<String, String> owners = new HashMap<>();
        Set<String> views = new HashSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String owner = ownerOf(f);
                String sql = Files.readString(f);
                Matcher t = CREATE_TABLE.matcher(sql);
                while (t.find()) {
                    owners.put(t.group(1).toLowerCase(java.util.Locale.ROOT), owner);
                }
                Matcher v = CREATE_VIEW.matcher(sql);
                while (v.find()) {
                    views.add(v.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return new Schema(owners, views);
    }

    /** {@code db/migration/common/V1.sql} → core; {@code db/migration/assessment/common/V250.sql} → assessment. */
    static String ownerOf(Path migration) {
        Path rel = MIGRATIONS.relativize(migration);
        return rel.getNameCount() <= 2 ? "core" : rel.getName(0).toString();
    }

    private static List<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> filesOf(String module) {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(SOURCES.resolve(module), MIGRATIONS.resolve(module))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
