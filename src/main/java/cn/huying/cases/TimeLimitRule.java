package cn.huying.cases;

/**
 * A time-limit rule 时限规则 of one version. It applies to a case when each of {@code channel},
 * {@code limitKey} (the category's time-limit key, e.g. ROAD, EMERGENCY) and {@code urgency} is
 * null (any) or equal to the case's; of all rules that apply, the strictest first-contact limit
 * and the strictest completion limit are taken.
 *
 * @param completionDays  working days to completion (0: the same day), or null when in hours
 * @param completionHours working hours to completion, or null when in days
 */
public record TimeLimitRule(Long id, Integer version, Channel channel, String limitKey, Urgency urgency,
                            Integer firstContactDays, Integer completionDays, Integer completionHours, String label,
                            int sortOrder) {
}
