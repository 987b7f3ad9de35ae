package cn.huying.shared;

/** A requested page: 0-based page number and a size capped at {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw DomainException.invalid("page.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("page.size.invalid", MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() {
        return page * size;
    }
}
