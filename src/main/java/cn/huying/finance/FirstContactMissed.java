package cn.huying.finance;

import java.time.Instant;

/** Published when a bank misses its first-contact deadline on a need: its slot reopens and the office is told. */
public record FirstContactMissed(long engagementId, long needId, long bankId, String bankName, Instant due) {
}
