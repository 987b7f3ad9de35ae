package cn.huying.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A year whose holiday notice is in the calendar.
 *
 * @param year       the year
 * @param papers     where the notice was published (gov.cn addresses), as given with the data
 * @param daysListed how many dates the notice lists
 * @param importedBy who imported it ({@code holiday-cn} for the data bundled with the platform)
 * @param importedAt when
 */
public record PublishedNotice(int year, List<String> papers, int daysListed, String importedBy, Instant importedAt) {

    public PublishedNotice {
        papers = List.copyOf(papers);
    }
}
