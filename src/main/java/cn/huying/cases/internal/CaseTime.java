package cn.huying.cases.internal;

import java.time.ZoneId;

/** The zone in which the cases module counts days (case codes, day texts, the day of a deadline). */
final class CaseTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseTime() {
    }
}
