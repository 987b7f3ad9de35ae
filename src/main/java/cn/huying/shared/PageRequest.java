package cn.huying.shared;

/** A requested page: 0-based page number and a size capped at {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    /** The deepest row a page may start at: deeper pages of a list are not read (and {@code page * size} stays an int). */
    public static final int MAX_OFFSET = 10_000_000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("page.size.invalid", MAX_SIZE);
        }
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw DomainException.invalid("page.invalid");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() {
        return page * size;
    }
}
