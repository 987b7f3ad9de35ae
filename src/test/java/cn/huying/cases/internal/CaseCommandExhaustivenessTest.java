package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.ActionRequest;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that is not handled does not compile. The real sources of {@link CaseCommand} and of the dispatcher
 * ({@link CaseCommands}) are compiled with {@link JavaCompiler} against the test class path: as they are (they must
 * compile, so the test can fail), then with one more command added to the sealed family (the dispatcher does not
 * handle it: it must not compile), then with one more {@link CaseAction} (the edge's {@code parse} does not cover
 * it: it must not compile).
 */
class CaseCommandExhaustivenessTest {

    private static final Path MAIN = Path.of("src/main/java/cn/huying/cases");

    @TempDir
    Path dir;

    @Test
    void theRealSourcesCompile() throws IOException {
        Result r = compile(read("CaseCommand.java"), read("CaseAction.java"), read("internal/CaseCommands.java"));
        assertThat(r.ok()).as(r.diagnostics()).isTrue();
    }

    @Test
    void aNewCommandThatTheDispatcherDoesNotHandleDoesNotCompile() throws IOException {
        String command = read("CaseCommand.java")
                .replace("        R revisit(Revisit c);\n", "        R revisit(Revisit c);\n\n        R adjourn(Adjourn c);\n")
                .replace("    /** 回访评价: the citizen's rating and comment. */", """
                            /** A command nobody handles yet. */
                            record Adjourn(long version) implements CaseCommand {
                                public <R> R accept(Handler<R> h) {
                                    return h.adjourn(this);
                                }
                            }

                            /** 回访评价: the citizen's rating and comment. */""")
                // the action of each record: this copy's own answer for the new one (so that only the dispatcher fails)
                .replace("        public CaseAction revisit(Revisit c) { return CaseAction.REVISIT; }",
                        "        public CaseAction revisit(Revisit c) { return CaseAction.REVISIT; }\n"
                                + "        public CaseAction adjourn(Adjourn c) { return CaseAction.PARK; }");
        assertThat(command).contains("record Adjourn").contains("R adjourn(Adjourn c);");
        Result r = compile(command, read("CaseAction.java"), read("internal/CaseCommands.java"));
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).contains("CaseCommands.java").contains("adjourn");
    }

    @Test
    void aNewActionWithoutItsCommandDoesNotCompile() throws IOException {
        String action = read("CaseAction.java").replace("    REVISIT(\"revisit\", \"回访评价\");",
                "    REVISIT(\"revisit\", \"回访评价\"),\n    ADJOURN(\"adjourn\", \"暂缓\");");
        assertThat(action).contains("ADJOURN");
        Result r = compile(read("CaseCommand.java"), action, read("internal/CaseCommands.java"));
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).contains("does not cover all possible input values");
    }

    @Test
    void everyActionHasExactlyOneCommandAndEveryCommandItsOwnAction() {
        Class<?>[] records = CaseCommand.class.getPermittedSubclasses();
        assertThat(records).hasSize(CaseAction.values().length);
        Set<CaseAction> seen = new HashSet<>();
        for (CaseAction a : CaseAction.values()) {
            ActionRequest full = new ActionRequest(3L, "理由", 7L, null, 9L, cn.huying.cases.Satisfaction.SATISFIED,
                    List.of(), "滕州市公安局");
            CaseCommand c = CaseCommand.parse(a, full);
            assertThat(c.action()).isEqualTo(a);
            assertThat(c.version()).isEqualTo(3L);
            assertThat(seen.add(c.action())).isTrue();
            assertThat(Arrays.asList(records)).contains(c.getClass());
        }
    }

    private record Result(boolean ok, String diagnostics) {
    }

    private String read(String file) throws IOException {
        return Files.readString(MAIN.resolve(file), StandardCharsets.UTF_8);
    }

    /** Compiles the three sources (in their packages) against the test class path. */
    private Result compile(String command, String action, String dispatcher) throws IOException {
        Path api = Files.createDirectories(dir.resolve("src/cn/huying/cases"));
        Path internal = Files.createDirectories(api.resolve("internal"));
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(api.resolve("CaseCommand.java"), command));
        files.add(Files.writeString(api.resolve("CaseAction.java"), action));
        files.add(Files.writeString(internal.resolve("CaseCommands.java"), dispatcher));
        Path out = Files.createDirectories(dir.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-encoding", "UTF-8", "-proc:none",
                "-classpath", System.getProperty("java.class.path")));
        try (Stream<Path> s = files.stream()) {
            s.map(Path::toString).forEach(args::add);
        }
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        return new Result(rc == 0, diagnostics.toString(StandardCharsets.UTF_8));
    }
}
