package cn.huying.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the count of matching rows. Pages count from 0.
 *
 * <p>Large lists are counted only up to a cap (an exact {@code COUNT(*)} of millions of rows costs
 * seconds): then {@code totalExact} is false and {@code total} is a lower bound — there are more
 * than {@code total} matching rows, and the pages show it as "1000+".
 */
public record PageResult<T>(
        List<T> items,
        @Schema(description = "匹配的条数；totalExact 为 false 时是下限：实际多于此数（页面显示为“1000+”）")
        long total,
        int page,
        int size,
        @Schema(description = "total 是否为精确总数；大列表只数到上限，此时为 false")
        boolean totalExact) {

    public PageResult {
        items = List.copyOf(items);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    /** A page with the exact total. */
    public PageResult(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true);
    }

    /**
     * A page whose total was counted up to {@code cap}: a count above the cap means "more than
     * {@code cap}" (total {@code cap}, not exact).
     */
    public static <T> PageResult<T> capped(List<T> items, long counted, long cap, int page, int size) {
        return counted > cap ? new PageResult<>(items, cap, page, size, false)
                : new PageResult<>(items, counted, page, size, true);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, size, totalExact);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    /** Whether a page follows this one (always while the total is only a lower bound and this page is full). */
    public boolean hasNext() {
        return page + 1 < totalPages() || (!totalExact && items.size() == size);
    }
}
