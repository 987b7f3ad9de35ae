package cn.huying.cases.internal;

import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may state the facts of receipt of a new case: its channel 来源渠道, its receipt time 受理时间 and an external
 * deadline 外部办结时限. Staff intake (the command centre, which registers cases: it takes calls, letters and
 * walk-ins) and integrations (role {@link Roles#SYSTEM}: the 12345 hotline, Open311 clients) may; a citizen, a grid
 * worker or a handler reports through their own channel, now, with our own limits (issue 22: a citizen's report
 * dated 1970 with a deadline in 1970 was red with a supervision order the moment it was registered).
 */
final class IntakeFacts {

    /** An external deadline further away than this is not a deadline. */
    static final Duration LONGEST_EXTERNAL_LIMIT = Duration.ofDays(366);

    private IntakeFacts() {
    }

    static boolean staffIntake(CurrentUser reporter) {
        return reporter.hasRole(Roles.SYSTEM) || reporter.can("case:register");
    }

    static void check(NewCase report, CurrentUser reporter, Channel ownChannel, Instant now,
                      InvalidInput.Collector errors) {
        if (!staffIntake(reporter)) {
            if (report.channel() != null && report.channel() != ownChannel) {
                errors.add("channel", "case.intake-fact.staff-only", "来源渠道");
            }
            if (report.receivedAt() != null) {
                errors.add("receivedAt", "case.intake-fact.staff-only", "受理时间");
            }
            if (report.externalDueAt() != null) {
                errors.add("externalDueAt", "case.intake-fact.staff-only", "外部办结时限");
            }
            return;
        }
        Instant received = report.receivedAt() == null ? now : report.receivedAt();
        if (report.externalDueAt() != null && (!report.externalDueAt().isAfter(received)
                || report.externalDueAt().isAfter(now.plus(LONGEST_EXTERNAL_LIMIT)))) {
            errors.add("externalDueAt", "case.external-due-at.invalid");
        }
    }
}
