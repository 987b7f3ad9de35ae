package cn.huying.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.huying.region.RegionType;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The point-in-grid index over 10,000 grids agrees with the arithmetic answer for every point. */
class GridIndexTest {

    private static final int SIDE = 100; // 100 × 100 = 10,000 unit grids
    private static final double WEST = 117.0;
    private static final double SOUTH = 34.0;
    private static final double CELL = 0.001;

    private static String square(int col, int row) {
        double w = WEST + col * CELL;
        double s = SOUTH + row * CELL;
        double e = w + CELL;
        double n = s + CELL;
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                w, s, e, s, e, n, w, n, w, s);
    }

    @Test
    void tenThousandGridsEachPointFallsInExactlyTheCellArithmeticPredicts() {
        RegionRepository repo = mock(RegionRepository.class);
        when(repo.gridFingerprint()).thenReturn("10000:0:10000");
        doAnswer(inv -> {
            RegionRepository.GridConsumer consumer = inv.getArgument(0);
            for (int row = 0; row < SIDE; row++) {
                for (int col = 0; col < SIDE; col++) {
                    long id = row * SIDE + col + 1;
                    consumer.accept(id, RegionType.UNIT_GRID, 1_000_000L + row, square(col, row));
                }
            }
            return null;
        }).when(repo).forEachGridBoundary(any());
        GridIndex index = new GridIndex(repo, Clock.systemUTC());

        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            int col = random.nextInt(SIDE);
            int row = random.nextInt(SIDE);
            double lng = WEST + (col + 0.05 + 0.9 * random.nextDouble()) * CELL;
            double lat = SOUTH + (row + 0.05 + 0.9 * random.nextDouble()) * CELL;
            var hits = index.locate(lat, lng);
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).id()).isEqualTo(row * SIDE + col + 1L);
            assertThat(hits.get(0).parentId()).isEqualTo(1_000_000L + row);
        }
        assertThat(index.locate(SOUTH - 0.5, WEST)).isEmpty();
    }

    @Test
    void aSmallerGridInsideALargerOneComesFirst() {
        RegionRepository repo = mock(RegionRepository.class);
        when(repo.gridFingerprint()).thenReturn("2");
        doAnswer(inv -> {
            RegionRepository.GridConsumer consumer = inv.getArgument(0);
            consumer.accept(1, RegionType.BASIC_GRID, 10L, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}");
            consumer.accept(2, RegionType.UNIT_GRID, 1L, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[5,0],[5,5],[0,5],[0,0]]]}");
            return null;
        }).when(repo).forEachGridBoundary(any());
        var hits = new GridIndex(repo, Clock.systemUTC()).locate(2, 2);
        assertThat(hits).extracting(GridIndex.Hit::id).containsExactly(2L, 1L);
    }
}
