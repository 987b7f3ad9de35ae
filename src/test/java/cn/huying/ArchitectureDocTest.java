package cn.huying;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * docs/architecture.md's module table is checked against the Modulith model: every module of the code is listed,
 * no other, each with the dependencies its package-info declares. A newcomer's map that cannot go stale.
 */
class ArchitectureDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)`[^|]*\\|[^|]*\\| ([^|]*)\\|\\s*$");

    @Test
    void theModuleTableMatchesTheModulithModel() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> deps = new TreeSet<>();
                for (String d : m.group(2).split(",")) {
                    String dep = d.trim();
                    if (!dep.isEmpty() && !dep.equals("—")) {
                        deps.add(dep);
                    }
                }
                documented.put(m.group(1), deps);
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        ModularityTests.MODULES.forEach(module -> {
            String name = module.getIdentifier().toString();
            Package pkg = Package.getPackage(module.getBasePackage().getName());
            ApplicationModule declared = pkg == null ? null : pkg.getAnnotation(ApplicationModule.class);
            Set<String> deps = new TreeSet<>();
            if (declared != null) {
                // an undeclared module carries Modulith's marker for "not set"; it is documented as "—"
                Arrays.stream(declared.allowedDependencies()).filter(d -> !d.equals(ApplicationModule.OPEN_TOKEN))
                        .forEach(deps::add);
            }
            actual.put(name, deps);
        });
        assertThat(documented).as("docs/architecture.md, table 'Modules'").isEqualTo(actual);
    }
}
