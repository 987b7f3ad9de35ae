package cn.huying.bench;

import java.util.Locale;

/**
 * Benchmarks of issue 7, one command per run, in one process (ratios against a baseline measured
 * in the same run). Built and started only through the Maven profile {@code bench}:
 *
 * <pre>
 * mvn -Pbench -q compile exec:exec -Dbench="lifecycle"             # H2, and PostgreSQL if HUYING_BENCH_POSTGRES is set
 * mvn -Pbench -q compile exec:exec -Dbench="generate --db=h2 --cases=1000000"
 * mvn -Pbench -q compile exec:exec -Dbench="reads --db=h2"
 * mvn -Pbench -q compile exec:exec -Dbench="intake --db=postgres --clients=32 --seconds=60"
 * mvn -Pbench -q compile exec:exec -Dbench="deadlines"
 * mvn -Pbench -q compile exec:exec -Dbench="smoke"                 # every benchmark at tiny sizes
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String command = argv.length == 0 ? "help" : argv[0];
        Args args = Args.parse(argv);
        switch (command) {
            case "lifecycle" -> LifecycleBench.run(args);
            case "generate" -> Generator.run(args);
            case "reads" -> ReadsBench.run(args);
            case "intake" -> IntakeDriver.run(args);
            case "deadlines" -> DeadlineBench.run(args);
            case "residents" -> ResidentsBench.run(args);
            case "analytics" -> AnalyticsBench.run(args);
            case "history" -> HistoryBench.run(args);
            case "smoke" -> smoke(args);
            default -> help();
        }
        System.exit(0);
    }

    /** Every benchmark once at tiny sizes: checks that they still run, measures nothing worth keeping. */
    private static void smoke(Args args) throws Exception {
        String db = args.get("db", "h2");
        LifecycleBench.run(Args.parse(new String[]{"lifecycle", "--db=" + db, "--warmup=1", "--seconds=1", "--runs=1",
                "--fresh=true"}));
        Generator.run(Args.parse(new String[]{"generate", "--db=" + db, "--cases=2000", "--name=smoke"}));
        ReadsBench.run(Args.parse(new String[]{"reads", "--db=" + db, "--name=smoke", "--iterations=5"}));
        IntakeDriver.run(Args.parse(new String[]{"intake", "--db=" + db, "--name=smoke-intake", "--clients=4",
                "--seconds=3", "--heap=512m"}));
        DeadlineBench.run(Args.parse(new String[]{"deadlines", "--db=" + db, "--name=smoke", "--seconds=1"}));
        AnalyticsBench.run(Args.parse(new String[]{"analytics", "--db=" + db, "--name=smoke", "--iterations=2",
                "--direct=true", "--direct-iterations=1"}));
        System.out.println("smoke ok");
    }

    private static void help() {
        System.out.println("""
                Huying benchmarks (issue 7). mvn -Pbench -q compile exec:exec -Dbench="<command> [--option=value …]"
                  lifecycle  report→register→dispatch→accept→resolve→verify→close through the services vs plain JDBC
                             --db=h2|postgres|all --threads=1,2 --warmup=30 --seconds=10 --runs=3
                  generate   fill a database with N realistic cases (COPY on PostgreSQL, batches on H2)
                             --db=h2|postgres --cases=1000000 (PostgreSQL default 10000000) --name=reads
                  reads      p50/p95/p99 of the screens' queries; plans of slow ones under target/bench/
                             --db=h2|postgres --name=reads --iterations=200 --max-seconds=20 --min-calls=10 --slow-ms=50
                             --search-index=false: text search with SQL LIKE (the first run builds the index)
                             --only=a,b --skip=a,b --all-plans=true
                  intake     HTTP load on loopback: creations with tokens and Idempotency-Keys, then read-back; then the
                             same on BareIntakeServer (only the writes) and the ratio huying/bare; then the same writes
                             through Spring MVC, Security and JdbcClient (SpringFloorServer) and huying/floor, floor/bare;
                             each server's "tail" line: how many slow requests (over twice the median) ended together
                             --db=h2|postgres --clients=32 --seconds=60 --warmup=30 --heap=512m --baseline=true --floor=true
                  deadlines  deadline computations per second and one sweep over open cases (issue 4)
                  residents  the resident registry (issue 26): generate people and houses, then the registry's look-ups
                             through the services vs plain indexed SQL; run with -Dbench.heap=-Xmx512m
                             --db=h2|postgres --persons=2000000 --houses=800000 --iterations=200 --name=residents
                  analytics  assessment and analytics on the database of `generate` (issue 27): the rates of a county-year,
                             the weekly report of a town and of a county (Word document included), the hot issues of a
                             county-month, each against a plain SQL aggregate over the same rows; run with
                             -Dbench.heap=-Xmx512m. --direct=true first measures the rates without the rollup
                             --db=h2|postgres --name=analytics --iterations=20 --max-seconds=120 --only=a,b
                  history    the history check (issue 30) over the demo town, then over every case after adding sealed
                             history rows: --db=h2|postgres --rows=1000000 --per-case=8 --name=history
                  smoke      all of the above at tiny sizes
                PostgreSQL: HUYING_BENCH_POSTGRES=jdbc:postgresql://127.0.0.1:5432/huying_bench (a dedicated database:
                the benchmarks write to it), HUYING_BENCH_POSTGRES_USER (postgres), HUYING_BENCH_POSTGRES_PASSWORD.""");
    }
}
