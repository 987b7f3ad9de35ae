package cn.huying.support;

/**
 * Which database the integration tests run against: H2 in memory by default, or the PostgreSQL
 * named by the environment variable {@code HUYING_TEST_POSTGRES} (a JDBC URL) when the system
 * property {@code huying.test.db=postgres} is set (the Maven profile {@code postgres-tests} does both).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("huying.test.db"));
    }

    public static String url() {
        if (postgres()) {
            String url = System.getenv("HUYING_TEST_POSTGRES");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("huying.test.db=postgres needs HUYING_TEST_POSTGRES=<jdbc url>");
            }
            return url;
        }
        return "jdbc:h2:mem:huying-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    }

    public static String username() {
        return postgres() ? System.getenv().getOrDefault("HUYING_TEST_POSTGRES_USER", "postgres") : "sa";
    }

    public static String password() {
        return postgres() ? System.getenv().getOrDefault("HUYING_TEST_POSTGRES_PASSWORD", "") : "";
    }
}
