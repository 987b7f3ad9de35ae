package cn.huying.bench;

import cn.huying.HuyingApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database a benchmark runs against, and the application booted on it: H2 files under
 * {@code target/bench/<name>} or the PostgreSQL database named by {@code HUYING_BENCH_POSTGRES}.
 * The application's own {@link DataSource} is wrapped by datasource-proxy so that
 * {@link Statements} can count what it sends, on the connections taken while it counts
 * ({@link WatchedDataSource}; the wrapping exists only in the bench).
 */
record BenchDb(String kind, String name, String url, String user, String password, Path dataDir) {

    static final Path ROOT = Path.of("target", "bench").toAbsolutePath();

    static BenchDb h2(String name) {
        Path dir = ROOT.resolve("h2-" + name);
        String url = "jdbc:h2:file:" + dir.resolve("db/huying")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;AUTO_SERVER=FALSE"
                // the application's durability setting (application.yml); -Dbench.jvm=-Dbench.h2.durability= measures
                // without it (H2's 500 ms write delay, as before issue 22)
                + System.getProperty("bench.h2.durability", ";WRITE_DELAY=0");
        return new BenchDb("h2", name, url, "huying", "", dir);
    }

    static BenchDb postgres(String name) {
        String url = System.getenv("HUYING_BENCH_POSTGRES");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("PostgreSQL benchmarks need HUYING_BENCH_POSTGRES=<jdbc url of a dedicated database>");
        }
        return new BenchDb("postgres", name, url, env("HUYING_BENCH_POSTGRES_USER", "postgres"),
                env("HUYING_BENCH_POSTGRES_PASSWORD", ""), ROOT.resolve("pg-" + name));
    }

    static boolean postgresConfigured() {
        String url = System.getenv("HUYING_BENCH_POSTGRES");
        return url != null && !url.isBlank();
    }

    /** {@code --db=h2|postgres|all}; {@code all} (the default) is H2 plus PostgreSQL when configured. */
    static List<BenchDb> targets(Args args, String name) {
        String db = args.get("db", "all");
        List<BenchDb> out = new ArrayList<>();
        if (db.equals("h2") || db.equals("all")) {
            out.add(h2(name));
        }
        if (db.equals("postgres") || (db.equals("all") && postgresConfigured())) {
            out.add(postgres(name));
        }
        return out;
    }

    static BenchDb one(Args args, String name) {
        String db = args.get("db", "h2");
        return db.equals("postgres") ? postgres(name) : h2(name);
    }

    boolean isPostgres() {
        return kind.equals("postgres");
    }

    /**
     * Deletes this node's data directory (H2's files, the case search index, the personal-data key). PostgreSQL is
     * left as it is (the benchmarks migrate it, never clean it), and its data directory is deleted only when the
     * database is new (no tables yet): an index or key left by a run on an earlier database belongs to that one.
     * (Kept, the index of earlier runs grew from run to run and the intake slowed with it: 501, 499, 478, 472,
     * 468 creations/s in five runs on fresh databases, 549/s with the directory new; docs/benchmarks.md round 8.)
     */
    void deleteDataDir() {
        if (!Files.exists(dataDir) || (isPostgres() && hasTables())) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasTables() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.ResultSet rs = c.getMetaData().getTables(null, "public", "flyway_schema_history", null)) {
            return rs.next();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    /** The application's settings for this database, as command-line properties. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        p.put("huying.data-dir", dataDir.toString());
        p.put("huying.demo", "true");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.cn.huying", "WARN");
        p.put("spring.main.banner-mode", "off");
        // a bench database filled before a module's older-numbered migrations landed still takes them
        p.put("spring.flyway.out-of-order", "true");
        // the statistics rollup runs when a benchmark asks (generate, reads), not in the middle of a load or a
        // measurement: the scheduled refresh would read millions of freshly copied history rows
        p.put("huying.stats.rollup-enabled", "false");
        // the same for assessment's rate rollup (issue 27): once a minute it takes in every case changed since, which
        // under a lifecycle or intake load is some 10,000 cases a minute competing for the two cores and the database
        // with what is measured (the analytics benchmark builds and measures it on its own)
        p.put("huying.assessment.rollup-enabled", "false");
        return p;
    }

    /** Boots the whole application on this database (web server on a random port), statements counted. */
    ConfigurableApplicationContext boot(Map<String, String> extra) {
        Map<String, String> p = properties();
        p.put("server.port", "0");
        p.putAll(extra);
        SpringApplication app = new SpringApplication(HuyingApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.addInitializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof WatchedDataSource)) {
                    return new WatchedDataSource(ds, ProxyDataSourceBuilder.create(ds).name("huying")
                            .listener(Statements.LISTENER).methodListener(Statements.METHODS).build());
                }
                return bean;
            }
        }));
        String[] argv = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return app.run(argv);
    }

    /**
     * The application's DataSource as the benchmarks see it: connections taken while {@link Statements}
     * counts or captures go through datasource-proxy; the others come straight from the pool, so that the
     * timed runs do not pay for the counting (the proxy builds a context object and a stopwatch around
     * every JDBC call, and the application makes more calls per lifecycle than the baseline).
     */
    static final class WatchedDataSource extends DelegatingDataSource {

        private final DataSource watched;

        WatchedDataSource(DataSource raw, DataSource watched) {
            super(raw);
            this.watched = watched;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return Statements.watching() ? watched.getConnection() : super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return Statements.watching() ? watched.getConnection(username, password)
                    : super.getConnection(username, password);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
