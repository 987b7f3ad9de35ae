package cn.huying.residents.internal;

import cn.huying.residents.ImportJob;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The import jobs' rows, each write committed at once (the page polls them). */
@Repository
class ImportJobs {

    private static final int REPORT_MAX = 19_000;

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long userId, String fileName, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO res_import_job (created_by, file_name, state, created_at) VALUES (?, ?, 'RUNNING', ?)")
                .params(userId, fileName, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void total(long id, int rows) {
        jdbc.sql("UPDATE res_import_job SET total_rows = ? WHERE id = ?").params(rows, id).update();
    }

    void progress(long id, int checked) {
        jdbc.sql("UPDATE res_import_job SET checked_rows = ? WHERE id = ?").params(checked, id).update();
    }

    void finish(long id, String state, int imported, List<String> refusals, Instant now) {
        String report = String.join("\n", refusals);
        if (report.length() > REPORT_MAX) {
            report = report.substring(0, REPORT_MAX) + "\n……";
        }
        jdbc.sql("UPDATE res_import_job SET state = ?, imported = ?, report = ?, finished_at = ? WHERE id = ?")
                .params(state, imported, report.isEmpty() ? null : report, Timestamp.from(now), id).update();
    }

    /** A job of this user. */
    Optional<ImportJob> get(long id, long userId) {
        return jdbc.sql("SELECT id, file_name, state, total_rows, checked_rows, imported, report, created_at, finished_at"
                        + " FROM res_import_job WHERE id = ? AND created_by = ?").params(id, userId)
                .query((rs, n) -> new ImportJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7) == null ? List.of()
                        : Arrays.asList(rs.getString(7).split("\n")), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())).optional();
    }
}
