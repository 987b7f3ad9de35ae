package cn.huying.mediation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The module's settings ({@code huying.mediation.*}): the mediation time limit 调解期限 in calendar days from
 * acceptance (30), the yellow warning that many days before it (5), the judicial-confirmation window 司法确认申请期限
 * in days from the agreement (30) and the reminder that many days before its end (7).
 */
@Component
class MediationSettings {

    private final int timeLimitDays;
    private final int warnDays;
    private final int confirmWindowDays;
    private final int confirmRemindDays;
    private final Clock clock;

    MediationSettings(@Value("${huying.mediation.time-limit-days:30}") int timeLimitDays,
                      @Value("${huying.mediation.warn-days:5}") int warnDays,
                      @Value("${huying.mediation.confirm-window-days:30}") int confirmWindowDays,
                      @Value("${huying.mediation.confirm-remind-days:7}") int confirmRemindDays, Clock clock) {
        this.timeLimitDays = timeLimitDays;
        this.warnDays = warnDays;
        this.confirmWindowDays = confirmWindowDays;
        this.confirmRemindDays = confirmRemindDays;
        this.clock = clock;
    }

    /** The end of the last calendar day of the mediation time limit counted from acceptance. */
    Instant dueAt(Instant acceptedAt) {
        LocalDate day = LocalDate.ofInstant(acceptedAt, clock.getZone()).plusDays(timeLimitDays);
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant();
    }

    /** Yellow from the start of the day {@code warnDays} before the due day. */
    Instant yellowAt(Instant dueAt) {
        return LocalDate.ofInstant(dueAt, clock.getZone()).minusDays(warnDays).atStartOfDay(clock.getZone())
                .toInstant();
    }

    /** Red once the due day has passed. */
    Instant redAt(Instant dueAt) {
        return dueAt.plusSeconds(1);
    }

    /** The last instant a judicial confirmation may be applied for. */
    Instant confirmDeadline(Instant agreedAt) {
        return agreedAt.plus(java.time.Duration.ofDays(confirmWindowDays));
    }

    Instant confirmReminderAt(Instant agreedAt) {
        return agreedAt.plus(java.time.Duration.ofDays(Math.max(0, confirmWindowDays - confirmRemindDays)));
    }

    int confirmWindowDays() {
        return confirmWindowDays;
    }

    int timeLimitDays() {
        return timeLimitDays;
    }
}
