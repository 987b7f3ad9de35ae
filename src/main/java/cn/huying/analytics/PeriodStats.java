package cn.huying.analytics;

import java.time.LocalDate;
import java.util.Map;

/**
 * Period statistics like the seed's ("reported 4,500+, disputes resolved 131, hazards handled 120, Jan–Oct"): cases
 * received, disputes resolved, hazards handled (resolved), cases closed, cases resolved in the grid, by channel and
 * by kind (received), for a region in scope and the days {@code from}–{@code to}.
 */
public record PeriodStats(LocalDate from, LocalDate to, long received, long disputesResolved, long hazardsHandled,
                          long closed, long resolvedInGrid, Map<String, Long> byChannel, Map<String, Long> byKind) {
}
