package cn.huying.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.calendar.AssumedDeadlines;
import cn.huying.calendar.CalendarYearPublished;
import cn.huying.calendar.NoticeImport;
import cn.huying.calendar.WorkingCalendar;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The import of a notice as one transaction, on H2 with the calendar's migrations: the
 * {@link AssumedDeadlines} implementations recompute against the new notice, a failure among them
 * undoes the whole import, and a refused notice writes nothing. Each test uses its own year.
 */
@SpringJUnitConfig(CalendarImportTest.Config.class)
class CalendarImportTest {

    /** Stands in for a module that stores deadlines: records what the calendar said while it recomputed. */
    static class RecordingDeadlines implements AssumedDeadlines {
        final WorkingCalendar calendar;
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        RecordingDeadlines(WorkingCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public int recompute(int year) {
            LocalDate newYear = LocalDate.of(year, 1, 1);
            calls.add(year + " assumed=" + calendar.isAssumed(newYear) + " workday=" + calendar.isWorkday(newYear));
            if (fail) {
                throw new IllegalStateException("deadline store unavailable");
            }
            return 3;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    @Import({CalendarConfig.class, CalendarRepository.class, CalendarStore.class, CalendarService.class})
    static class Config {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:calendar-import;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH");
            ds.setUser("sa");
            // the platform's migrations up to the calendar's own, so later modules' migrations do not matter here
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .target("2.1").load().migrate();
            return ds;
        }

        @Bean
        JdbcClient jdbcClient(DataSource ds) {
            return JdbcClient.create(ds);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.system(ZoneId.of("Asia/Shanghai")); // the calendar's zone: a clock in another stops the start
        }

        @Bean
        CurrentUsers currentUsers() {
            CurrentUser admin = new CurrentUser(1, "admin", "系统管理员", Set.of("ADMIN"), Set.of("calendar:edit"), null,
                    null);
            return new CurrentUsers() {
                @Override
                public Optional<CurrentUser> current() {
                    return Optional.of(admin);
                }

                @Override
                public CurrentUser require() {
                    return admin;
                }

                @Override
                public RegionScope scopeOf(CurrentUser user) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Bean
        RecordedAudit audit() {
            return new RecordedAudit();
        }

        @Bean
        RecordingDeadlines recordingDeadlines(WorkingCalendar calendar) {
            return new RecordingDeadlines(calendar);
        }

        @Bean
        PublishedYears publishedYears() {
            return new PublishedYears();
        }
    }

    static class RecordedAudit implements AuditLog {
        final List<String> entries = new CopyOnWriteArrayList<>();

        @Override
        public void record(String eventType, String target, String detail) {
            entries.add(eventType + " " + target);
        }

        @Override
        public void recordFor(String username, String eventType, String target, String detail) {
            entries.add(eventType + " " + target);
        }
    }

    static class PublishedYears {
        final List<CalendarYearPublished> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CalendarYearPublished event) {
            events.add(event);
        }
    }

    @Autowired
    CalendarService service;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    RecordingDeadlines deadlines;
    @Autowired
    RecordedAudit audit;
    @Autowired
    PublishedYears published;
    @Autowired
    JdbcClient jdbc;

    /** A small notice: New Year's Day off on a Monday of the year, and the Saturday before it worked. */
    static byte[] notice(int year) {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        return ("""
                {"year": %d, "papers": ["https://www.gov.cn/zhengce/test-%d.htm"], "days": [
                  {"name": "元旦", "date": "%s", "isOffDay": true},
                  {"name": "元旦", "date": "%s", "isOffDay": false}]}"""
                .formatted(year, year, newYear, newYear.plusDays(5))).getBytes(StandardCharsets.UTF_8);
    }

    long listed(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE notice_year = ?").param(year).query(Long.class).single();
    }

    @Test
    void theBundledNoticesAreLoadedByTheMigrations() {
        // other tests here import later years
        var bundled = service.notices().stream().filter(n -> n.year() <= 2026).toList();
        assertThat(bundled).extracting(n -> n.year()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(bundled.get(0).papers()).hasSize(2);
        assertThat(bundled).allMatch(n -> n.importedBy().equals("holiday-cn"));
        assertThat(bundled.get(6).daysListed()).isEqualTo(39);
        assertThat(calendar.isWorkday(LocalDate.parse("2026-09-20"))).isTrue();
    }

    @Test
    void anImportIsSeenByTheDeadlineStoresWithinItsTransactionAndByEveryoneAfterIt() {
        // 2029-01-01 is a Monday: a working day while 2029 is assumed, a day off once the notice is in
        LocalDate newYear = LocalDate.parse("2029-01-01");
        assertThat(calendar.isAssumed(newYear)).isTrue();
        assertThat(calendar.isWorkday(newYear)).isTrue();

        NoticeImport result = service.importNotice(notice(2029));

        assertThat(result).isEqualTo(new NoticeImport(2029, 2, 3));
        assertThat(deadlines.calls).contains("2029 assumed=false workday=false");
        assertThat(calendar.isAssumed(newYear)).isFalse();
        assertThat(calendar.isWorkday(newYear)).isFalse();
        assertThat(calendar.holidayName(LocalDate.parse("2029-01-06"))).contains("元旦（调休上班）");
        assertThat(published.events).contains(new CalendarYearPublished(2029, 2));
        assertThat(audit.entries).contains("CALENDAR_IMPORTED calendar:2029");
        assertThat(service.notices()).anySatisfy(n -> {
            assertThat(n.year()).isEqualTo(2029);
            assertThat(n.importedBy()).isEqualTo("admin");
            assertThat(n.papers()).containsExactly("https://www.gov.cn/zhengce/test-2029.htm");
        });
    }

    @Test
    void importingAYearAgainReplacesItsListedDays() {
        service.importNotice(notice(2030));
        service.importNotice(("""
                {"year": 2030, "papers": [], "days": [{"name": "春节", "date": "2030-02-04", "isOffDay": true}]}""")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(listed(2030)).isEqualTo(1);
        assertThat(calendar.isWorkday(LocalDate.parse("2030-01-01"))).as("no longer listed: an ordinary Tuesday").isTrue();
        assertThat(calendar.isWorkday(LocalDate.parse("2030-02-04"))).isFalse();
        assertThat(service.notices()).filteredOn(n -> n.year() == 2030).singleElement()
                .satisfies(n -> assertThat(n.papers()).isEmpty());
    }

    @Test
    void aFailingDeadlineStoreUndoesTheWholeImport() {
        deadlines.fail = true;
        try {
            assertThatThrownBy(() -> service.importNotice(notice(2031))).hasMessageContaining("deadline store");
        } finally {
            deadlines.fail = false;
        }
        assertThat(listed(2031)).isZero();
        assertThat(service.notices()).noneMatch(n -> n.year() == 2031);
        assertThat(calendar.isAssumed(LocalDate.parse("2031-01-01"))).isTrue();
        assertThat(calendar.isWorkday(LocalDate.parse("2031-01-01"))).as("Wednesday, assumed working").isTrue();
        assertThat(audit.entries).doesNotContain("CALENDAR_IMPORTED calendar:2031");
        assertThat(published.events).noneMatch(e -> e.year() == 2031);
    }

    @Test
    void aRefusedNoticeWritesNothingAndIsAudited() {
        byte[] bad = """
                {"year": 2032, "days": [{"name": "元旦", "date": "2032-01-01", "isOffDay": true},
                                        {"name": "", "date": "2032-01-02", "isOffDay": true}]}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> service.importNotice(bad)).isInstanceOf(DomainException.class)
                .hasMessageContaining("calendar.notice.day.name.missing");
        assertThat(listed(2032)).isZero();
        assertThat(calendar.isAssumed(LocalDate.parse("2032-01-01"))).isTrue();
        assertThat(audit.entries).contains("CALENDAR_IMPORT_REFUSED calendar");
    }
}
