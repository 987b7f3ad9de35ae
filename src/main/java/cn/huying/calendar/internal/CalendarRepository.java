package cn.huying.calendar.internal;

import cn.huying.calendar.PublishedNotice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the calendar: {@code calendar_notice} (a year whose notice is published),
 * {@code calendar_notice_paper} (where it was published) and {@code calendar_day} (the dates it lists).
 */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** Everything the calendar needs: a few hundred rows for a decade of notices. */
    CalendarData load() {
        List<Integer> years = jdbc.sql("SELECT notice_year FROM calendar_notice ORDER BY notice_year")
                .query(Integer.class).list();
        List<ListedDay> days = jdbc.sql("""
                SELECT notice_year, listed_date, off_day, name FROM calendar_day
                ORDER BY notice_year, listed_date""")
                .query((rs, n) -> new ListedDay(rs.getInt("notice_year"), rs.getObject("listed_date", LocalDate.class),
                        rs.getBoolean("off_day"), rs.getString("name")))
                .list();
        return CalendarData.of(years, days);
    }

    /** Changes whenever a notice is imported anywhere: how many years, and the sum of their versions. */
    String fingerprint() {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS v FROM calendar_notice")
                .query((rs, n) -> rs.getLong("n") + "/" + rs.getLong("v")).single();
    }

    List<PublishedNotice> notices() {
        Map<Integer, List<String>> papers = new LinkedHashMap<>();
        jdbc.sql("SELECT notice_year, url FROM calendar_notice_paper ORDER BY notice_year, seq")
                .query(rs -> {
                    papers.computeIfAbsent(rs.getInt("notice_year"), y -> new ArrayList<>()).add(rs.getString("url"));
                });
        return jdbc.sql("""
                SELECT notice_year, days_listed, imported_by, imported_at FROM calendar_notice
                ORDER BY notice_year""")
                .query((rs, n) -> new PublishedNotice(rs.getInt("notice_year"),
                        papers.getOrDefault(rs.getInt("notice_year"), List.of()), rs.getInt("days_listed"),
                        rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Makes the notice the published word for its year: replaces the dates and papers of any
     * earlier import of the same year. The caller's transaction makes it all or nothing; a
     * concurrent first import of the same year fails on the primary key.
     */
    void replace(HolidayNotice notice, String importedBy, Instant at) {
        int year = notice.year();
        int updated = jdbc.sql("""
                UPDATE calendar_notice SET days_listed = ?, imported_by = ?, imported_at = ?, version = version + 1
                WHERE notice_year = ?""")
                .params(notice.days().size(), importedBy, utc(at), year).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO calendar_notice (notice_year, days_listed, imported_by, imported_at, version)
                    VALUES (?, ?, ?, ?, 0)""")
                    .params(year, notice.days().size(), importedBy, utc(at)).update();
        }
        jdbc.sql("DELETE FROM calendar_day WHERE notice_year = ?").param(year).update();
        jdbc.sql("DELETE FROM calendar_notice_paper WHERE notice_year = ?").param(year).update();
        int seq = 0;
        for (String url : notice.papers()) {
            jdbc.sql("INSERT INTO calendar_notice_paper (notice_year, seq, url) VALUES (?, ?, ?)")
                    .params(year, ++seq, url).update();
        }
        for (ListedDay day : notice.days()) {
            jdbc.sql("INSERT INTO calendar_day (notice_year, listed_date, off_day, name) VALUES (?, ?, ?, ?)")
                    .params(year, day.date(), day.offDay(), day.name()).update();
        }
    }
}
