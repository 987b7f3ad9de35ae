package cn.huying.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The town's number of the day 事件编号 for a new case's code ({@code case_code_seq}), and on PostgreSQL the
 * intake's reads in the statement that takes it. Writes no case.
 */
@Repository
class CaseNumbers {

    private final JdbcClient jdbc;
    private final boolean postgres;

    CaseNumbers(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = CaseRows.isPostgres(dataSource);
    }

    /**
     * Next number of the day for a town prefix, in one round trip ({@code UPDATE … RETURNING} on
     * PostgreSQL, {@code FINAL TABLE} on H2). The row lock makes concurrent intakes of the same
     * town wait in turn, so callers take the number as late as they can.
     */
    int nextSequence(String prefix, LocalDate day) {
        return number(prefix, day, false);
    }

    /**
     * {@link #nextSequence} outside any transaction, each statement committing on its own: the town's counter row
     * is locked only while the database runs the one UPDATE, with no round trip to the application before the
     * commit. On PostgreSQL that commit does not wait for the WAL to reach the disk ({@code set_config(…, true)}
     * for the statement's own transaction). Safe: the case that uses the number commits later and synchronously,
     * which flushes this commit's WAL first; a number lost in a crash was never used by a durable case (and
     * {@code code} is unique anyway).
     */
    int takeNumberAlone(String prefix, LocalDate day) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("takeNumberAlone is for use outside a transaction");
        }
        return number(prefix, day, true);
    }

    /** Whether {@link #intakeReads} is available: on PostgreSQL (H2 runs in the process, with no round trip to save). */
    boolean readsInOneStatement() {
        return postgres;
    }

    /**
     * What an intake reads before it writes, as {@link #intakeReads} returns it.
     *
     * @param earlierId the case this reporter already sent with this Idempotency-Key; null if none
     * @param number    the town's next number of the day, taken; null for a repeated key, or when the day's counter
     *                  row does not exist yet (the day's first case of the town: take it with {@link #takeNumberAlone})
     * @param newest    the newest open cases of the category in the box, scope not yet checked; empty without a box
     */
    record IntakeReads(Long earlierId, Integer number, List<CaseQueries.ScopedNearby> newest) {
    }

    /**
     * On PostgreSQL, the intake's three reads in one statement and one round trip, committing on its own outside
     * any transaction as {@link #takeNumberAlone} does (the counter row is locked for this statement only, its
     * commit does not wait for the WAL): the case this reporter already sent with this key; the town's next number
     * of the day unless there was one; and, with a box ({@link CaseQueries#box}), the newest open cases in it
     * ({@link CaseQueries#newestInBox}).
     * Separately these were three round trips and three commits of their own (docs/cases.md).
     */
    IntakeReads intakeReads(long createdBy, String idempotencyKey, String prefix, LocalDate day, CaseQueries.Box box,
                            Instant since) {
        if (!postgres || org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("intakeReads is for PostgreSQL, outside a transaction");
        }
        List<Object> params = new java.util.ArrayList<>(List.of(createdBy, idempotencyKey == null ? "" : idempotencyKey,
                prefix, day));
        if (box != null) {
            params.addAll(box.params(since));
        }
        Long[] earlier = {null};
        Integer[] number = {null};
        List<CaseQueries.ScopedNearby> newest = new java.util.ArrayList<>();
        jdbc.sql(box == null ? INTAKE_READS : intakeReadsWithBox(box.bands())).params(params).query(rs -> {
            switch (rs.getString(1)) {
                case "E" -> earlier[0] = rs.getLong(2);
                case "N" -> number[0] = rs.getInt(2);
                default -> newest.add(CaseQueries.scopedNearby(rs, 1));
            }
        });
        return new IntakeReads(earlier[0], number[0], newest);
    }

    /** The idempotency lookup and the number of {@link #intakeReads}; the number is not taken for a repeated key. */
    private static final String INTAKE_READS_HEAD = "WITH earlier AS (SELECT id FROM case_file"
            + " WHERE created_by = ? AND idempotency_key = ?),"
            + " async AS (SELECT set_config('synchronous_commit', 'off', true) AS v),"
            + " num AS (UPDATE case_code_seq SET last_value = last_value + 1 WHERE prefix = ? AND seq_day = ?"
            + " AND NOT EXISTS (SELECT 1 FROM earlier) AND (SELECT v FROM async) IS NOT NULL RETURNING last_value)";
    private static final String INTAKE_READS = INTAKE_READS_HEAD
            + " SELECT 'E', id FROM earlier UNION ALL SELECT 'N', last_value FROM num";
    /** {@link #INTAKE_READS} and the newest open cases of a box of {@code bands} latitude bands. */
    private static String intakeReadsWithBox(int bands) {
        return INTAKE_READS_WITH_BOX.computeIfAbsent(bands, n -> INTAKE_READS_HEAD + ", " + CaseQueries.newestInBox(n)
                + " SELECT 'C' AS part, c.* FROM box c"
                + " UNION ALL SELECT 'E', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM earlier"
                + " UNION ALL SELECT 'N', last_value, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM num");
    }

    private static final java.util.concurrent.ConcurrentMap<Integer, String> INTAKE_READS_WITH_BOX =
            new java.util.concurrent.ConcurrentHashMap<>();

    private int number(String prefix, LocalDate day, boolean noWalFlush) {
        java.util.Optional<Integer> next = takeNumber(prefix, day, noWalFlush);
        if (next.isPresent()) {
            return next.get();
        }
        // the day's first case in this town: create the row (a concurrent intake may win that race), then take a number
        jdbc.sql("INSERT INTO case_code_seq (prefix, seq_day, last_value) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(prefix, day).update();
        return takeNumber(prefix, day, noWalFlush).orElseThrow();
    }

    private java.util.Optional<Integer> takeNumber(String prefix, LocalDate day, boolean noWalFlush) {
        String sql;
        if (!postgres) {
            sql = "SELECT last_value FROM FINAL TABLE (UPDATE case_code_seq SET last_value = last_value + 1"
                    + " WHERE prefix = ? AND seq_day = ?)";
        } else if (noWalFlush) {
            sql = "WITH async AS (SELECT set_config('synchronous_commit', 'off', true) AS v)"
                    + " UPDATE case_code_seq SET last_value = last_value + 1"
                    + " WHERE prefix = ? AND seq_day = ? AND (SELECT v FROM async) IS NOT NULL RETURNING last_value";
        } else {
            sql = "UPDATE case_code_seq SET last_value = last_value + 1 WHERE prefix = ? AND seq_day = ? RETURNING last_value";
        }
        return jdbc.sql(sql).params(prefix, day).query(Integer.class).optional();
    }

}
