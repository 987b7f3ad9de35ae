package cn.huying.finance.internal;

import java.time.Instant;

/** What the office was told (e.g. {@code FIRST_CONTACT_MISSED}). */
public record AlertView(long id, String kind, long engagementId, long needId, String bankName, String message, Instant at) {
}
