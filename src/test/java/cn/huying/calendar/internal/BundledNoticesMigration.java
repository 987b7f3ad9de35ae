package cn.huying.calendar.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the Flyway migration that loads the bundled notices, from the bundled JSON files.
 * Run {@link #main} from the project directory to (re)write it; {@code BundledNoticesMigrationTest}
 * checks that the committed migration is exactly what this produces. An applied migration is
 * never edited: a correction or a new year goes through the import, or into a new migration.
 */
final class BundledNoticesMigration {

    static final String PATH = "src/main/resources/db/migration/common/V2_1__calendar_2020_2026.sql";

    private BundledNoticesMigration() {
    }

    static String sql(List<HolidayNotice> notices) {
        StringBuilder sql = new StringBuilder();
        sql.append("""
                -- Holiday notices 2020–2026 (《国务院办公厅关于X年部分节假日安排的通知》), generated from
                -- src/main/resources/calendar/holiday-cn/*.json (holiday-cn by NateScarlet, MIT licence; see
                -- PROVENANCE.md there) by cn.huying.calendar.internal.BundledNoticesMigration in the test sources.
                -- Generated: do not edit by hand. Later years are imported through POST /api/calendar/import.

                INSERT INTO calendar_notice (notice_year, days_listed, imported_by, imported_at, version) VALUES
                """);
        sql.append(notices.stream()
                .map(n -> " (" + n.year() + ", " + n.days().size() + ", 'holiday-cn', CURRENT_TIMESTAMP, 0)")
                .collect(Collectors.joining(",\n", "", ";\n\n")));
        sql.append("INSERT INTO calendar_notice_paper (notice_year, seq, url) VALUES\n");
        StringBuilder papers = new StringBuilder();
        for (HolidayNotice n : notices) {
            for (int i = 0; i < n.papers().size(); i++) {
                papers.append(papers.isEmpty() ? "" : ",\n").append(" (").append(n.year()).append(", ").append(i + 1)
                        .append(", ").append(quote(n.papers().get(i))).append(')');
            }
        }
        sql.append(papers).append(";\n");
        for (HolidayNotice n : notices) {
            sql.append("\n-- ").append(n.year()).append(": ").append(n.days().size()).append(" dates\n");
            sql.append("INSERT INTO calendar_day (notice_year, listed_date, off_day, name) VALUES\n");
            sql.append(n.days().stream()
                    .map(d -> " (" + n.year() + ", DATE '" + d.date() + "', " + (d.offDay() ? "TRUE" : "FALSE") + ", "
                            + quote(d.name()) + ")")
                    .collect(Collectors.joining(",\n", "", ";\n")));
        }
        return sql.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(PATH), sql(BundledNotices.all()), StandardCharsets.UTF_8);
    }
}
