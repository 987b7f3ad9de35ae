package cn.huying.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total count of matching rows. Pages count from 0. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public PageResult {
        items = List.copyOf(items);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
