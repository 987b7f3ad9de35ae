package cn.huying.calendar.internal;

import cn.huying.calendar.AssumedDeadlines;
import cn.huying.calendar.CalendarDay;
import cn.huying.calendar.CalendarYearPublished;
import cn.huying.calendar.CalendarYears;
import cn.huying.calendar.NoticeImport;
import cn.huying.calendar.PublishedNotice;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The calendar by year, and the import of a year's holiday notice. */
@Service
class CalendarService implements CalendarYears {

    static final String CALENDAR_IMPORTED = "CALENDAR_IMPORTED";
    static final String CALENDAR_IMPORT_REFUSED = "CALENDAR_IMPORT_REFUSED";

    private final OfficialCalendar calendar;
    private final CalendarRepository repo;
    private final CalendarStore store;
    private final ObjectProvider<AssumedDeadlines> assumedDeadlines;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    CalendarService(OfficialCalendar calendar, CalendarRepository repo, CalendarStore store,
                    ObjectProvider<AssumedDeadlines> assumedDeadlines, ApplicationEventPublisher events,
                    CurrentUsers users, AuditLog audit, Clock clock) {
        this.calendar = calendar;
        this.repo = repo;
        this.store = store;
        this.assumedDeadlines = assumedDeadlines;
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw DomainException.invalid("calendar.year.invalid", String.valueOf(year), String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    @Override
    public List<CalendarDay> days(int year) {
        checkYear(year);
        return calendar.days(year);
    }

    @Override
    public List<PublishedNotice> notices() {
        return repo.notices();
    }

    @Override
    @Transactional
    public NoticeImport importNotice(byte[] json) {
        String importer = users.require().username();
        HolidayNotice notice;
        try {
            notice = NoticeParser.parse(json);
        } catch (DomainException refused) {
            audit.record(CALENDAR_IMPORT_REFUSED, "calendar", refused.getMessage());
            throw refused;
        }
        int year = notice.year();
        try {
            repo.replace(notice, importer, clock.instant());
        } catch (DuplicateKeyException concurrent) {
            throw DomainException.conflict("calendar.import.concurrent", String.valueOf(year));
        }
        store.changedInThisTransaction();
        int recomputed = 0;
        for (AssumedDeadlines deadlines : assumedDeadlines.orderedStream().toList()) {
            recomputed += deadlines.recompute(year);
        }
        events.publishEvent(new CalendarYearPublished(year, notice.days().size()));
        NoticeImport result = new NoticeImport(year, notice.days().size(), recomputed);
        String detail = "daysListed=" + result.daysListed() + ", deadlinesRecomputed=" + recomputed + ", papers="
                + String.join(" ", notice.papers());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.record(CALENDAR_IMPORTED, "calendar:" + year, detail);
            }
        });
        return result;
    }
}
