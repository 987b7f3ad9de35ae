package cn.huying.assessment;

import java.time.Instant;

/** A case behind a figure: enough to recognise it and open it ({@code /cases/{id}}). */
public record FactCase(long id, String code, String title, String categoryName, String state, String regionName,
                       String departmentName, Instant countedAt) {
}
