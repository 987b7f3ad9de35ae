package cn.huying.analytics;

import java.time.Instant;
import java.time.LocalDate;

/** A generated weekly report 周报, kept with its Word file. */
public record WeeklyReportInfo(long id, long regionId, String regionName, LocalDate weekStart, LocalDate weekEnd,
                               String title, String fileName, long sizeBytes, boolean scheduled, String generatedBy,
                               Instant generatedAt) {
}
