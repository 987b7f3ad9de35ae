package cn.huying.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.WithoutRegionModule;
import cn.huying.identity.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar with identity (whose signed-in user imports and whose audit log records): what the modules that store
 * deadlines rely on. Importing a year's holiday notice calls every {@link AssumedDeadlines} bean (cases and projects
 * implement it; a recording one stands in here) with that year, inside the import's transaction and with the new
 * notice already answering, adds up what they changed, publishes {@link CalendarYearPublished} with the year and the
 * number of dates listed, and leaves the operator an audit entry once committed.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTestSetup
@Import({WithoutRegionModule.class, CalendarModuleTest.DeadlineStore.class})
class CalendarModuleTest {

    /** Stands in for a module storing deadlines: records what the calendar answered while it was called. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DeadlineStore {

        static final List<String> CALLS = new CopyOnWriteArrayList<>();

        @Bean
        AssumedDeadlines recordingDeadlines(WorkingCalendar calendar) {
            return year -> {
                LocalDate newYear = LocalDate.of(year, 1, 1);
                CALLS.add(year + " inTransaction=" + TransactionSynchronizationManager.isActualTransactionActive()
                        + " assumed=" + calendar.isAssumed(newYear) + " workday=" + calendar.isWorkday(newYear));
                return 2;
            };
        }
    }

    @Autowired
    CalendarYears years;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportPublishesTheYearAndLetsEveryDeadlineStoreRecomputeWithinIt(AssertablePublishedEvents events) {
        // 2029-01-01 is a Monday: a working day while 2029 is assumed, a day off once its notice is in
        LocalDate newYear = LocalDate.of(2029, 1, 1);
        assertThat(calendar.isAssumed(newYear)).isTrue();
        assertThat(calendar.isWorkday(newYear)).isTrue();
        byte[] notice = """
                {"year": 2029, "papers": ["https://www.gov.cn/zhengce/test-2029.htm"], "days": [
                  {"name": "元旦", "date": "2029-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2029-01-06", "isOffDay": false}]}""".getBytes(StandardCharsets.UTF_8);

        CurrentUser admin = new CurrentUser(1, "calendar-admin", "日历管理员", Set.of("ADMIN"),
                Set.of(CalendarPermissions.CALENDAR_EDIT), null, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, List.of()));
        NoticeImport result;
        try {
            result = years.importNotice(notice);
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(DeadlineStore.CALLS).as("called once, in the import's transaction, seeing the new notice")
                .containsExactly("2029 inTransaction=true assumed=false workday=false");
        assertThat(result).isEqualTo(new NoticeImport(2029, 2, 2));
        assertThat(events.ofType(CalendarYearPublished.class)).as("one event, naming the year and its listed dates")
                .containsExactly(new CalendarYearPublished(2029, 2));
        assertThat(calendar.isWorkday(LocalDate.of(2029, 1, 6))).as("the make-up Saturday").isTrue();
        assertThat(jdbc.sql("SELECT username FROM audit_log WHERE event_type = 'CALENDAR_IMPORTED'"
                + " AND target = 'calendar:2029'").query(String.class).list()).containsExactly("calendar-admin");
    }
}
