package cn.huying.hotline.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline's category names 热线分类 mapped to our categories 事件分类. A name that is not mapped
 * but is itself one of our category codes or names is taken as it is; anything else goes to the
 * category mapped from {@value #FALLBACK}, so that no citizen's request is refused over a name.
 */
@Service
public class CategoryMappings {

    /** The hotline name whose mapping receives unknown names. */
    public static final String FALLBACK = "其他";

    public record Mapping(String hotlineCategory, String categoryCode, String categoryName, String updatedBy,
                          Instant updatedAt) {
    }

    /** Where a hotline category goes; {@code mapped} is false when the fallback was used. */
    record Resolved(String categoryCode, boolean mapped) {
    }

    private final JdbcClient jdbc;
    private final CategoryCatalog categories;
    private final Clock clock;

    CategoryMappings(JdbcClient jdbc, CategoryCatalog categories, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.clock = clock;
    }

    public List<Mapping> list() {
        Map<String, String> names = categories.leaves().stream()
                .collect(Collectors.toMap(CategoryCatalog.Leaf::code, CategoryCatalog.Leaf::name, (a, b) -> a));
        return jdbc.sql("""
                SELECT hotline_category, category_code, updated_by, updated_at FROM hotline_category_map
                ORDER BY category_code, hotline_category""")
                .query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2), names.get(rs.getString(2)),
                        rs.getString(3), Open311Repository.instant(rs, "updated_at")))
                .list();
    }

    /** Sets where a hotline category goes; the category must be an active leaf category. */
    @Transactional
    public Mapping put(String hotlineCategory, String categoryCode, CurrentUser admin) {
        String name = hotlineCategory == null ? "" : hotlineCategory.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalid("hotline.mapping.name.invalid");
        }
        if (categoryCode == null || categoryCode.isBlank()) {
            throw DomainException.invalid("hotline.mapping.category.required");
        }
        CategoryCatalog.Leaf leaf = categories.leaf(categoryCode.strip())
                .orElseThrow(() -> DomainException.invalid("hotline.mapping.category.unknown", categoryCode.strip()));
        Instant now = clock.instant();
        int n = jdbc.sql("UPDATE hotline_category_map SET category_code = ?, updated_by = ?, updated_at = ? "
                        + "WHERE hotline_category = ?")
                .params(leaf.code(), admin.username(), Open311Repository.utc(now), name).update();
        if (n == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO hotline_category_map (hotline_category, category_code, updated_by, updated_at)
                        VALUES (?, ?, ?, ?)""")
                        .params(name, leaf.code(), admin.username(), Open311Repository.utc(now)).update();
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("problem.stale");
            }
        }
        return new Mapping(name, leaf.code(), leaf.name(), admin.username(), now);
    }

    @Transactional
    public void delete(String hotlineCategory) {
        int n = jdbc.sql("DELETE FROM hotline_category_map WHERE hotline_category = ?")
                .param(hotlineCategory == null ? "" : hotlineCategory.strip()).update();
        if (n == 0) {
            throw DomainException.notFound("hotline.mapping.not-found", hotlineCategory);
        }
    }

    /** Our category for a hotline category name. */
    Resolved resolve(String hotlineCategory) {
        String name = hotlineCategory.strip();
        Optional<String> mapped = mapping(name);
        if (mapped.isPresent()) {
            return new Resolved(mapped.get(), true);
        }
        Map<String, CategoryCatalog.Leaf> byCode = categories.leaves().stream()
                .collect(Collectors.toMap(CategoryCatalog.Leaf::code, Function.identity(), (a, b) -> a));
        if (byCode.containsKey(name)) {
            return new Resolved(name, true);
        }
        Optional<CategoryCatalog.Leaf> byName = byCode.values().stream().filter(l -> l.name().equals(name)).findFirst();
        if (byName.isPresent()) {
            return new Resolved(byName.get().code(), true);
        }
        return mapping(FALLBACK).map(code -> new Resolved(code, false))
                .orElseThrow(() -> DomainException.invalid("hotline.category.unmapped", name, FALLBACK));
    }

    private Optional<String> mapping(String name) {
        return jdbc.sql("SELECT category_code FROM hotline_category_map WHERE hotline_category = ?")
                .param(name).query(String.class).optional();
    }
}
