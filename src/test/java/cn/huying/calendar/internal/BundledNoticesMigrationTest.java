package cn.huying.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The migration that loads 2020–2026 says exactly what the bundled notice files say. */
class BundledNoticesMigrationTest {

    @Test
    void theMigrationIsGeneratedFromTheBundledNotices() {
        String committed = new String(BundledNotices.bytes("/db/migration/common/V2_1__calendar_2020_2026.sql"),
                StandardCharsets.UTF_8);
        assertThat(committed)
                .as("regenerate with BundledNoticesMigration.main, from the project directory")
                .isEqualTo(BundledNoticesMigration.sql(BundledNotices.all()));
    }

    @Test
    void everyBundledYearKeepsTheAddressOfItsNotice() {
        for (HolidayNotice notice : BundledNotices.all()) {
            assertThat(notice.papers()).as("papers of %d", notice.year()).isNotEmpty()
                    .allMatch(p -> p.matches("https?://www\\.gov\\.cn/.+"));
        }
        assertThat(BundledNotices.of(2020).papers()).as("2020: the notice and the Spring Festival extension").hasSize(2);
    }
}
