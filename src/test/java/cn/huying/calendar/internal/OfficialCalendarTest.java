package cn.huying.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.calendar.Deadline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The calendar arithmetic on the bundled 2020–2026 notices, without Spring. Each deadline test
 * states its count from the calendar, so a reader can check it against the notice.
 */
class OfficialCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final OfficialCalendar calendar = BundledNotices.workingCalendar(CalendarRules.defaults());

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant endOf(String date) {
        return LocalDate.parse(date).atTime(23, 59, 59).atZone(SHANGHAI).toInstant();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Stream<LocalDate> range(String first, String last) {
        return d(first).datesUntil(d(last).plusDays(1));
    }

    @Nested
    class WhichDaysAreWorkdays {

        @Test
        void theMakeUpWorkdaysOf2026AreWorkdaysThoughTheyFallOnAWeekend() {
            // 2026-02-14 Sat and 02-28 Sat (春节), 09-20 Sun and 10-10 Sat (国庆节) are 调休上班
            assertThat(List.of(d("2026-02-14"), d("2026-02-28"), d("2026-09-20"), d("2026-10-10")))
                    .allMatch(calendar::isWorkday);
            assertThat(calendar.holidayName(d("2026-09-20"))).contains("国庆节（调休上班）");
            assertThat(calendar.holidayName(d("2026-02-14"))).contains("春节（调休上班）");
        }

        @Test
        void theSpringFestivalAndNationalDayHolidaysOf2026AreDaysOff() {
            assertThat(range("2026-02-15", "2026-02-23")).noneMatch(calendar::isWorkday);
            assertThat(range("2026-10-01", "2026-10-07")).noneMatch(calendar::isWorkday);
            assertThat(calendar.holidayName(d("2026-02-17"))).contains("春节");
            assertThat(calendar.holidayName(d("2026-10-01"))).contains("国庆节");
            // the Monday after the Spring Festival holiday is an ordinary working day with no name
            assertThat(calendar.isWorkday(d("2026-02-24"))).isTrue();
            assertThat(calendar.holidayName(d("2026-02-24"))).isEmpty();
        }

        @Test
        void anOrdinaryWeekIsMondayToFriday() {
            assertThat(calendar.isWorkday(d("2026-03-13"))).as("Friday").isTrue();
            assertThat(calendar.isWorkday(d("2026-03-14"))).as("Saturday").isFalse();
            assertThat(calendar.isWorkday(d("2026-03-15"))).as("Sunday").isFalse();
            assertThat(calendar.isWorkday(d("2026-03-16"))).as("Monday").isTrue();
        }

        @Test
        void the2024NoticeHasMakeUpWorkdaysAroundTheSpringFestival() {
            assertThat(calendar.isWorkday(d("2024-02-04"))).as("Sun 2024-02-04 调休上班").isTrue();
            assertThat(calendar.isWorkday(d("2024-02-18"))).as("Sun 2024-02-18 调休上班").isTrue();
            assertThat(range("2024-02-10", "2024-02-17")).noneMatch(calendar::isWorkday);
            assertThat(calendar.isWorkday(d("2024-10-01"))).isFalse();
        }

        @Test
        void the2025NoticeHasMakeUpWorkdaysAndAnEightDayNationalDayHoliday() {
            assertThat(calendar.isWorkday(d("2025-01-26"))).as("Sun 2025-01-26 调休上班").isTrue();
            assertThat(calendar.isWorkday(d("2025-02-08"))).as("Sat 2025-02-08 调休上班").isTrue();
            assertThat(range("2025-10-01", "2025-10-08")).as("国庆节、中秋节").noneMatch(calendar::isWorkday);
            assertThat(calendar.holidayName(d("2025-10-06"))).contains("国庆节、中秋节");
            assertThat(calendar.isWorkday(d("2025-10-09"))).isTrue();
        }

        @Test
        void aDecemberDateListedByTheNextYearsNoticeFollowsThatNotice() {
            // the 2023 notice lists Sat 2022-12-31 as part of 元旦
            assertThat(calendar.isWorkday(d("2022-12-31"))).isFalse();
            assertThat(calendar.holidayName(d("2022-12-31"))).contains("元旦");
            assertThat(calendar.isAssumed(d("2022-12-31"))).isFalse();
        }

        @Test
        void aWeekdayTheNoticeListsAsWorkingIsNamedWithoutCallingItAMakeUpDay() {
            // 2020-02-03 Mon: work resumed after the extended Spring Festival of 2020 (the second paper)
            assertThat(calendar.isWorkday(d("2020-02-03"))).isTrue();
            assertThat(calendar.holidayName(d("2020-02-03"))).contains("春节（上班）");
        }

        @Test
        void aYearWithoutANoticeIsAssumedToBeMondayToFriday() {
            assertThat(calendar.isAssumed(d("2027-01-01"))).isTrue();
            assertThat(calendar.isAssumed(d("2026-12-31"))).isFalse();
            assertThat(calendar.isWorkday(d("2027-01-01"))).as("Friday, no notice yet").isTrue();
            assertThat(calendar.holidayName(d("2027-01-01"))).isEmpty();
        }

        @Test
        void theYearListingHasEveryDateWithItsFlagAndName() {
            var days = calendar.days(2026);
            assertThat(days).hasSize(365);
            assertThat(days.get(0).date()).isEqualTo(d("2026-01-01"));
            assertThat(days.get(0).workday()).isFalse();
            assertThat(days.get(0).name()).isEqualTo("元旦");
            assertThat(days.get(3).name()).as("Sun 2026-01-04").isEqualTo("元旦（调休上班）");
            assertThat(days.get(3).workday()).isTrue();
            // 2026: 365 days, 104 weekend days, 19 weekday holidays off, 6 make-up workdays
            assertThat(days.stream().filter(x -> x.workday()).count()).isEqualTo(365 - 104 - 19 + 6);
            assertThat(calendar.days(2024)).as("leap year").hasSize(366);
        }
    }

    @Nested
    class DayLimits {

        @Test
        void a12345TransferOnFridayWithOneWorkingDayIsDueOnTheMakeUpSunday() {
            // received Fri 2026-09-18 10:00; the day of receipt does not count;
            // Sat 09-19 off, Sun 09-20 调休上班 = working day 1 → due at the end of 2026-09-20
            Deadline due = calendar.addWorkingDays(at("2026-09-18T10:00"), 1);
            assertThat(due.at()).isEqualTo(endOf("2026-09-20"));
            assertThat(due.at().atZone(SHANGHAI).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-09-20T23:59:59"));
            assertThat(due.assumed()).isFalse();
        }

        @Test
        void aPublicTelephoneRequestOnTheEveOfNationalDayWithThreeWorkingDaysIsDueOnTheMakeUpSaturday() {
            // received Wed 2026-09-30 10:00; 10-01..07 off; Thu 10-08 = 1, Fri 10-09 = 2,
            // Sat 10-10 调休上班 = 3 → due at the end of 2026-10-10
            Deadline due = calendar.addWorkingDays(at("2026-09-30T10:00"), 3);
            assertThat(due.at()).isEqualTo(endOf("2026-10-10"));
        }

        @Test
        void aSameDayEmergencyIsDueAtTheEndOfTheDayOfReceipt() {
            // N = 0: the end of the receipt's own day, even on a holiday and after hours
            assertThat(calendar.addWorkingDays(at("2026-09-18T10:00"), 0).at()).isEqualTo(endOf("2026-09-18"));
            assertThat(calendar.addWorkingDays(at("2026-10-03T21:15"), 0).at()).isEqualTo(endOf("2026-10-03"));
        }

        @Test
        void aRoadIssueOnTheMakeUpSaturdayBeforeTheSpringFestivalIsDueTheDayAfterTheHoliday() {
            // received Sat 2026-02-14 09:00, a 调休上班 working day; 02-15..23 off;
            // Tue 02-24 = working day 1 → due at the end of 2026-02-24
            Deadline due = calendar.addWorkingDays(at("2026-02-14T09:00"), 1);
            assertThat(due.at()).isEqualTo(endOf("2026-02-24"));
        }

        @Test
        void aReceiptAfterOfficeCloseCountsFromTheNextWorkingDay() {
            // received Fri 2026-09-18 18:20, after 17:30: counts as received Sun 09-20 (调休上班) at 08:30;
            // Mon 09-21 = working day 1 → due at the end of 2026-09-21 (not 09-20 as for a 10:00 receipt)
            assertThat(calendar.addWorkingDays(at("2026-09-18T18:20"), 1).at()).isEqualTo(endOf("2026-09-21"));
            // at 17:30 exactly the office has closed
            assertThat(calendar.addWorkingDays(at("2026-09-18T17:30"), 1).at()).isEqualTo(endOf("2026-09-21"));
            // at 17:29 it has not
            assertThat(calendar.addWorkingDays(at("2026-09-18T17:29"), 1).at()).isEqualTo(endOf("2026-09-20"));
        }

        @Test
        void aReceiptOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
            // received Sat 2026-10-03 (国庆节): counts as received Thu 10-08; Fri 10-09 = 1, Sat 10-10 调休上班 = 2
            assertThat(calendar.addWorkingDays(at("2026-10-03T11:00"), 2).at()).isEqualTo(endOf("2026-10-10"));
        }

        @Test
        void aReceiptBeforeTheOfficeOpensCountsOnItsOwnDay() {
            // received Mon 2026-03-16 07:10 (before 08:30): the day of receipt is Monday; Tue 03-17 = 1
            assertThat(calendar.addWorkingDays(at("2026-03-16T07:10"), 1).at()).isEqualTo(endOf("2026-03-17"));
        }

        @Test
        void whenTheDayOfReceiptCountsTheLimitEndsADayEarlier() {
            OfficialCalendar counting = BundledNotices.workingCalendar(CalendarRules.defaults().withReceiptDayCounts(true));
            // received Fri 2026-09-18 10:00: Fri 09-18 = 1 → due at the end of 2026-09-18
            assertThat(counting.addWorkingDays(at("2026-09-18T10:00"), 1).at()).isEqualTo(endOf("2026-09-18"));
            // received Wed 2026-09-30: 09-30 = 1, 10-08 = 2, 10-09 = 3
            assertThat(counting.addWorkingDays(at("2026-09-30T10:00"), 3).at()).isEqualTo(endOf("2026-10-09"));
            // after hours on Fri 09-18: counts from Sun 09-20 (调休上班) = 1
            assertThat(counting.addWorkingDays(at("2026-09-18T19:00"), 1).at()).isEqualTo(endOf("2026-09-20"));
        }

        @Test
        void whenAfterHoursReceiptsKeepTheirOwnDateTheEveningCountsAsTheDayOfReceipt() {
            OfficialCalendar sameDay = BundledNotices.workingCalendar(CalendarRules.defaults()
                    .withAfterHours(AfterHours.SAME_DAY));
            // received Fri 2026-09-18 18:20, day of receipt Friday; Sun 09-20 调休上班 = 1
            assertThat(sameDay.addWorkingDays(at("2026-09-18T18:20"), 1).at()).isEqualTo(endOf("2026-09-20"));
            // received Sat 2026-10-03 (holiday) with day of receipt Saturday: 10-08 = 1
            assertThat(sameDay.addWorkingDays(at("2026-10-03T11:00"), 1).at()).isEqualTo(endOf("2026-10-08"));
        }

        @Test
        void anExtensionOfTenWorkingDaysSpansTheNationalDayHoliday() {
            // received Fri 2026-09-25 (中秋节, off) → counts from Mon 09-28; 09-29 = 1, 09-30 = 2,
            // 10-08 = 3, 10-09 = 4, 10-10 = 5 (调休上班), 10-12..16 = 6..10
            assertThat(calendar.addWorkingDays(at("2026-09-25T09:00"), 10).at()).isEqualTo(endOf("2026-10-16"));
        }

        @Test
        void aDeadlineReachingIntoAYearWithoutANoticeIsMarkedAssumed() {
            // received Wed 2026-12-30 10:00; Thu 12-31 = 1, Fri 2027-01-01 = 2 (no 2027 notice: Mon–Fri assumed),
            // Mon 2027-01-04 = 3
            Deadline due = calendar.addWorkingDays(at("2026-12-30T10:00"), 3);
            assertThat(due.at()).isEqualTo(endOf("2027-01-04"));
            assertThat(due.assumed()).isTrue();
            // one working day stays within 2026 and is certain
            assertThat(calendar.addWorkingDays(at("2026-12-30T10:00"), 1).assumed()).isFalse();
        }

        @Test
        void aNegativeLimitIsAProgrammingError() {
            assertThatThrownBy(() -> calendar.addWorkingDays(at("2026-09-18T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class HourLimits {

        @Test
        void workingHoursSkipTheLunchBreak() {
            // Mon 2026-09-14 11:00 + 2 h: 11:00–12:00 = 1 h, lunch 12:00–13:30 not counted, 13:30–14:30 = 1 h
            Deadline due = calendar.addWorkingHours(at("2026-09-14T11:00"), 2);
            assertThat(due.at()).isEqualTo(at("2026-09-14T14:30"));
        }

        @Test
        void workingHoursSkipAnOrdinaryWeekend() {
            // Fri 2026-09-11 16:00 + 3 h: 16:00–17:30 = 1.5 h; Sat, Sun off; Mon 09-14 08:30–10:00 = 1.5 h
            assertThat(calendar.addWorkingHours(at("2026-09-11T16:00"), 3).at()).isEqualTo(at("2026-09-14T10:00"));
        }

        @Test
        void workingHoursCountOnAMakeUpSunday() {
            // Fri 2026-09-18 15:00 + 4 h: 15:00–17:30 = 2.5 h; Sat off; Sun 09-20 调休上班 08:30–10:00 = 1.5 h
            assertThat(calendar.addWorkingHours(at("2026-09-18T15:00"), 4).at()).isEqualTo(at("2026-09-20T10:00"));
        }

        @Test
        void aRequestReceivedAtNightStartsWhenTheOfficeOpens() {
            // Mon 2026-09-14 20:00 + 1 h: nothing left that day; Tue 09-15 08:30–09:30
            assertThat(calendar.addWorkingHours(at("2026-09-14T20:00"), 1).at()).isEqualTo(at("2026-09-15T09:30"));
        }

        @Test
        void hoursThatFillAMorningEndAtNoonNotAfterLunch() {
            // Mon 2026-09-14 09:00 + 3 h uses the morning up to 12:00 exactly: due at noon, not at 13:30
            assertThat(calendar.addWorkingHours(at("2026-09-14T09:00"), 3).at()).isEqualTo(at("2026-09-14T12:00"));
        }

        @Test
        void aWorkingDayHasSevenAndAHalfOfficeHours() {
            // 08:30–12:00 and 13:30–17:30; Mon 2026-09-14 08:30 + 15 h = two full days → Tue 09-15 17:30
            assertThat(calendar.addWorkingHours(at("2026-09-14T08:30"), 15).at()).isEqualTo(at("2026-09-15T17:30"));
        }

        @Test
        void zeroHoursIsTheMomentOfReceipt() {
            assertThat(calendar.addWorkingHours(at("2026-10-02T09:00"), 0).at()).isEqualTo(at("2026-10-02T09:00"));
        }

        @Test
        void hoursCountedInAYearWithoutANoticeAreAssumed() {
            // Thu 2026-12-31 16:00 + 4 h: 1.5 h on 12-31, Fri 2027-01-01 (assumed working) 08:30–11:00
            Deadline due = calendar.addWorkingHours(at("2026-12-31T16:00"), 4);
            assertThat(due.at()).isEqualTo(at("2027-01-01T11:00"));
            assertThat(due.assumed()).isTrue();
        }
    }

    @Nested
    class Counting {

        @Test
        void workingDaysBetweenCountsStrictlyAfterTheFirstDateUpToTheSecond() {
            // after Wed 2026-09-30 up to Sat 10-10: 10-08, 10-09, 10-10 (调休上班)
            assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-10"))).isEqualTo(3);
            assertThat(calendar.workingDaysBetween(d("2026-10-10"), d("2026-09-30"))).isZero();
            assertThat(calendar.workingDaysBetween(d("2026-10-10"), d("2026-10-10"))).isZero();
            // a whole ordinary week: Mon..Fri after the Sunday before
            assertThat(calendar.workingDaysBetween(d("2026-03-15"), d("2026-03-22"))).isEqualTo(5);
        }

        @Test
        void theFirstWorkdayOnOrAfterAHolidayIsTheDayAfterIt() {
            assertThat(calendar.workdayOnOrAfter(d("2026-10-01"))).isEqualTo(d("2026-10-08"));
            assertThat(calendar.workdayOnOrAfter(d("2026-02-15"))).isEqualTo(d("2026-02-24"));
            assertThat(calendar.workdayOnOrAfter(d("2026-09-19"))).as("Sat before the make-up Sunday")
                    .isEqualTo(d("2026-09-20"));
            assertThat(calendar.workdayOnOrAfter(d("2026-09-18"))).isEqualTo(d("2026-09-18"));
        }

        @Test
        void theZoneIsShanghai() {
            assertThat(calendar.zone()).isEqualTo(SHANGHAI);
        }
    }
}
