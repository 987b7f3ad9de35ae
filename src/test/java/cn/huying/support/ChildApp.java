package cn.huying.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, from the test's class path (without the test classes): its own port and data
 * directory, on the test database (H2 file in its data directory, or the PostgreSQL of the run). On PostgreSQL it is
 * given the keys of the test's own application context ({@code target/test-data}), as every node of one database must
 * be (issue 30), unless {@code extra} names another.
 */
public record ChildApp(Process process, int port, Path log) {

    public static ChildApp start(Path dataDir, String name, String... extra) {
        try {
            int port = freePort();
            String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
                    "-cp", classPath, "cn.huying.HuyingApplication",
                    "--server.port=" + port, "--huying.data-dir=" + dataDir.toAbsolutePath(),
                    "--huying.stats.rollup-enabled=false", "--huying.hotline.sender.enabled=false",
                    "--spring.main.banner-mode=off"));
            if (TestDatabase.postgres()) {
                command.addAll(List.of("--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.username(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        // the PostgreSQL server is shared (100 connections) with the test's own context and the other
                        // nodes: each child a small pool, opened as needed, and fewer request threads than connections
                        "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1",
                        "--server.tomcat.threads.max=4"));
                for (String[] key : new String[][] {{"huying.pii.key", "pii.key"}, {"huying.history.key", "history.key"},
                        {"huying.residents.lookup-key", "residents-lookup.key"}}) {
                    if (Arrays.stream(extra).noneMatch(e -> e.startsWith("--" + key[0] + "="))) {
                        command.add("--" + key[0] + "=" + Files.readString(Path.of("target/test-data", key[1])).strip());
                    }
                }
            }
            command.addAll(Arrays.asList(extra));
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve(name + ".log");
            return new ChildApp(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                    port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the application answers its health check. */
    public Http awaitUp() {
        Http app = http();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the application stopped; see " + log).isTrue();
            try {
                return app.get("/actuator/health").send().status() == 200;
            } catch (RuntimeException | AssertionError notYet) {
                return false;
            }
        });
        return app;
    }

    public Http http() {
        return new Http(base());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
