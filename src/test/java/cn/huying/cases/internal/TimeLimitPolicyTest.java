package cn.huying.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.calendar.WorkingCalendar;
import cn.huying.calendar.internal.TestCalendars;
import cn.huying.cases.Channel;
import cn.huying.cases.TimeLimitRule;
import cn.huying.cases.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's time-limit table on the official calendar. Each test says its arithmetic; the rules
 * are the default version 1 of V4_0__time_limits.sql.
 */
class TimeLimitPolicyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Version 1 as shipped. */
    static final List<TimeLimitRule> RULES = List.of(
            new TimeLimitRule(1L, 1, Channel.HOTLINE_12345, null, null, 1, 5, null, "民生热线转办件", 10),
            new TimeLimitRule(2L, 1, Channel.PROVINCIAL_HOTLINE, null, null, null, 2, null, "省政务热线咨询件", 20),
            new TimeLimitRule(3L, 1, Channel.ONLINE_OPINION, null, null, null, 2, null, "网络舆情件", 30),
            new TimeLimitRule(4L, 1, Channel.PUBLIC_PHONE, null, null, null, 3, null, "公开电话", 40),
            new TimeLimitRule(5L, 1, Channel.ONLINE_LETTER, null, null, null, 3, null, "网络信件", 50),
            new TimeLimitRule(6L, 1, null, "ROAD", null, null, 1, null, "道路出行", 60),
            new TimeLimitRule(7L, 1, null, "EMERGENCY", null, null, 0, null, "应急突发事件", 70),
            new TimeLimitRule(8L, 1, null, null, Urgency.EMERGENCY, null, 0, null, "应急突发", 80),
            new TimeLimitRule(9L, 1, null, null, null, null, 5, null, "其他诉求", 90));

    final WorkingCalendar calendar = TestCalendars.official();
    final TimeLimitPolicy policy = new TimeLimitPolicy(calendar);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant endOf(String date) {
        return LocalDate.parse(date).atTime(23, 59, 59).atZone(SHANGHAI).toInstant();
    }

    static Instant startOf(String date) {
        return LocalDate.parse(date).atStartOfDay(SHANGHAI).toInstant();
    }

    Sla limits(Channel channel, String key, Urgency urgency, Instant received) {
        return policy.limits(received, null, 1, policy.select(RULES, channel, key, urgency), 0);
    }

    @Test
    void a12345TransferReceivedFridayMorningMustBeContactedBySundayBecauseItIsAMakeUpWorkday() {
        // received Fri 2026-09-18 10:00; Sat 09-19 is off; Sun 09-20 is 调休上班 → 1st working day after receipt
        Sla sla = limits(Channel.HOTLINE_12345, "GENERAL", Urgency.NORMAL, at("2026-09-18T10:00"));
        assertThat(sla.firstContactDueAt()).isEqualTo(endOf("2026-09-20"));
        // completion, 5 working days: 09-20 (Sun, make-up), 09-21, 09-22, 09-23, 09-24
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-09-24"));
        assertThat(sla.ruleId()).isEqualTo(1L);
        assertThat(sla.assumed()).isFalse();
    }

    @Test
    void aPublicTelephoneRequestOfSeptember30IsDueOnOctober10AfterTheNationalDayHoliday() {
        // 3 working days after Wed 2026-09-30: 10-01…07 are 国庆节/中秋节 off, Thu 10-08 (1), Fri 10-09 (2),
        // Sat 10-10 is 调休上班 (3)
        Sla sla = limits(Channel.PUBLIC_PHONE, "GENERAL", Urgency.NORMAL, at("2026-09-30T09:00"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-10-10"));
        assertThat(sla.firstContactDueAt()).isNull();
    }

    @Test
    void anEmergencyIsDueTheSameDayEvenOnASunday() {
        // 应急突发: 0 working days = the end of the day of receipt, Sun 2026-03-15
        Sla sla = limits(Channel.HOTLINE_12345, "GENERAL", Urgency.EMERGENCY, at("2026-03-15T14:30"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-03-15"));
        // the lost-item category (key EMERGENCY) is due the same day too
        assertThat(limits(Channel.PORTAL, "EMERGENCY", Urgency.NORMAL, at("2026-03-16T09:00")).dueAt())
                .isEqualTo(endOf("2026-03-16"));
    }

    @Test
    void a12345EmergencyIsContactedBeforeItIsDoneAndShowsNoLightFromBeforeItsReceipt() {
        // the issue's taxi lost item: 12345 (contact within 1 working day) and an emergency (done the same day),
        // received Mon 2026-12-07 03:53; before the fix contact was due Tue 12-08 and yellow from Fri 12-04
        Sla sla = limits(Channel.HOTLINE_12345, "EMERGENCY", Urgency.EMERGENCY, at("2026-12-07T03:53"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-12-07"));
        assertThat(sla.firstContactDueAt()).isEqualTo(endOf("2026-12-07"));
        assertThat(sla.yellowAt()).isEqualTo(at("2026-12-07T03:53"));
        assertThat(sla.redAt()).isEqualTo(startOf("2026-12-08"));
    }

    @Test
    void aRoadIssueOnTheEveOfTheSpringFestivalIsDueTheFirstWorkingDayAfterTheHoliday() {
        // Sat 2026-02-14 is 调休上班, the eve of 春节 (02-15…02-23 off); 1 working day later is Tue 02-24
        Sla sla = limits(Channel.GRID_REPORT, "ROAD", Urgency.NORMAL, at("2026-02-14T11:00"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-02-24"));
        assertThat(sla.ruleId()).isEqualTo(6L);
    }

    @Test
    void ofSeveralRulesTheStrictestCounts() {
        // a 12345 transfer about a road: contact within 1 working day (12345 rule), done within 1 (road rule)
        Sla sla = limits(Channel.HOTLINE_12345, "ROAD", Urgency.NORMAL, at("2026-09-21T09:00"));
        assertThat(sla.firstContactDueAt()).isEqualTo(endOf("2026-09-22"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-09-22"));
        assertThat(sla.ruleId()).isEqualTo(6L);
    }

    @Test
    void anyOtherRequestGetsFiveWorkingDaysAndASendersEarlierDeadlineWins() {
        // Mon 2026-03-16 + 5 working days = Mon 03-23
        assertThat(limits(Channel.WALK_IN, "GENERAL", Urgency.NORMAL, at("2026-03-16T09:00")).dueAt())
                .isEqualTo(endOf("2026-03-23"));
        Instant hotlineDue = at("2026-03-18T17:00");
        Sla sla = policy.limits(at("2026-03-16T09:00"), hotlineDue, 1,
                policy.select(RULES, Channel.HOTLINE_12345, "GENERAL", Urgency.NORMAL), 0);
        assertThat(sla.dueAt()).isEqualTo(hotlineDue);
    }

    @Test
    void yellowStartsOnTheWorkingDayBeforeTheDueDayAndRedOnTheFirstWorkingDayAfterIt() {
        // due Thu 2026-09-24: yellow from Wed 09-23; red from the first working day after it, which is
        // Mon 09-28, because Fri 09-25 is 中秋节 and 09-26/27 a weekend
        Sla sla = limits(Channel.HOTLINE_12345, "GENERAL", Urgency.NORMAL, at("2026-09-18T10:00"));
        assertThat(sla.yellowAt()).isEqualTo(startOf("2026-09-23"));
        assertThat(sla.redAt()).isEqualTo(startOf("2026-09-28"));
        assertThat(sla.nextSlaAt()).isEqualTo(sla.yellowAt());
        // due Wed 2026-09-30 (before the holiday): red waits for the first working day after it, Thu 10-08
        assertThat(policy.redAt(endOf("2026-09-30"))).isEqualTo(startOf("2026-10-08"));
    }

    @Test
    void stagedProgressIsDueThreeWorkingDaysAfterAMissedDeadline() {
        // due Thu 09-24; 09-25 is 中秋节: Mon 09-28 (1), Tue 09-29 (2), Wed 09-30 (3)
        Sla sla = limits(Channel.HOTLINE_12345, "GENERAL", Urgency.NORMAL, at("2026-09-18T10:00"));
        assertThat(sla.progressDueAt()).isEqualTo(endOf("2026-09-30"));
    }

    @Test
    void anExtensionAddsWorkingDaysAfterTheCurrentDueDay() {
        // received Thu 09-24, 3 working days: Mon 09-28, Tue 09-29, Wed 09-30 (Fri 09-25 is 中秋节);
        // extended by 3 working days across 国庆节: Thu 10-08, Fri 10-09, Sat 10-10 (调休上班)
        Sla sla = limits(Channel.PUBLIC_PHONE, "GENERAL", Urgency.NORMAL, at("2026-09-24T09:00"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2026-09-30"));
        Sla extended = policy.extended(sla, 3);
        assertThat(extended.dueAt()).isEqualTo(endOf("2026-10-10"));
        assertThat(extended.extensionDays()).isEqualTo(3);
        assertThat(extended.level()).isZero();
    }

    @Test
    void aReturnMustComeWithinTwoWorkingDaysOfDispatch() {
        // dispatched Wed 2026-09-30: the 2 working days are Thu 10-08 and Fri 10-09
        assertThat(policy.endOfNthWorkdayAfter(at("2026-09-30T15:00"), 2)).isEqualTo(endOf("2026-10-09"));
    }

    @Test
    void aDeadlineCountedInAYearWithoutANoticeIsMarkedAssumed() {
        // 2027 has no notice in the bundled data: Mon–Fri is assumed
        Sla sla = limits(Channel.PUBLIC_PHONE, "GENERAL", Urgency.NORMAL, at("2026-12-30T09:00"));
        assertThat(sla.dueAt()).isEqualTo(endOf("2027-01-04"));
        assertThat(sla.assumed()).isTrue();
    }
}
