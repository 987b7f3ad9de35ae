package cn.huying.cases.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.Category;
import cn.huying.cases.Tier;
import cn.huying.region.DepartmentKind;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Categories, cached for a minute (they change rarely, through the admin API which refreshes the cache). */
@Repository
class CategoryRepository {

    private static final String SELECT = """
            SELECT id, code, name, kind, parent_id, default_department_kind, default_tier, time_limit_key,
                   open_to_public, description, active, version FROM case_category""";

    private static final String VERSIONS = """
            SELECT category_id AS id, code, name, kind, parent_id, default_department_kind, default_tier, time_limit_key,
                   open_to_public, description, active, version, published_at FROM case_category_version""";

    /** One published version of a category and when it came into force. */
    record Published(Category category, Instant publishedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<String, List<Category>> all;
    private final LoadingCache<Long, List<Published>> versions;

    CategoryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.all = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
                .build(k -> jdbc.sql(SELECT + " ORDER BY sort_order, id").query(CategoryRepository::map).list());
        this.versions = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1))
                .build(id -> jdbc.sql(VERSIONS + " WHERE category_id = ? ORDER BY version DESC").param(id)
                        .query((rs, n) -> new Published(map(rs, n), CaseRows.instant(rs, "published_at"))).list());
    }

    static Category map(ResultSet rs, int n) throws SQLException {
        String dept = rs.getString("default_department_kind");
        return new Category(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                CaseKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
                dept == null ? null : DepartmentKind.valueOf(dept), Tier.valueOf(rs.getString("default_tier")),
                rs.getString("time_limit_key"), rs.getBoolean("open_to_public"), rs.getString("description"),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    List<Category> all() {
        return all.get("all");
    }

    Optional<Category> find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * The version of the category in force at {@code at} (the newest published at or before it), for a case reported
     * then; the current one if the category has no version that old.
     */
    Optional<Category> asOf(long id, Instant at) {
        List<Published> published = versions.get(id);
        return published.stream().filter(p -> !p.publishedAt().isAfter(at)).findFirst().map(Published::category)
                .or(() -> find(id));
    }

    /** Every published version of a category, newest first. */
    List<Published> versions(long id) {
        return versions.get(id);
    }

    Optional<Category> findByCode(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    long insert(Category c, int sortOrder) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_category (code, name, kind, parent_id, default_department_kind, default_tier,
                                           time_limit_key, open_to_public, description, active, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(c.code(), c.name(), c.kind().name(), c.parentId(),
                        c.defaultDepartmentKind() == null ? null : c.defaultDepartmentKind().name(),
                        c.defaultTier().name(), c.timeLimitKey(), c.openToPublic(), c.description(), sortOrder)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        publish(id);
        all.invalidateAll();
        return id;
    }

    /** An edit publishes the next version; cases already reported keep theirs. */
    void update(Category c) {
        jdbc.sql("""
                UPDATE case_category SET name = ?, default_department_kind = ?, default_tier = ?, time_limit_key = ?,
                       open_to_public = ?, description = ?, active = ?, version = version + 1 WHERE id = ?""")
                .params(c.name(), c.defaultDepartmentKind() == null ? null : c.defaultDepartmentKind().name(),
                        c.defaultTier().name(), c.timeLimitKey(), c.openToPublic(), c.description(), c.active(), c.id())
                .update();
        publish(c.id());
        all.invalidateAll();
    }

    /** Copies the category as it now stands into its versions, in force from now. */
    private void publish(long id) {
        jdbc.sql("""
                INSERT INTO case_category_version (category_id, version, code, name, kind, parent_id,
                       default_department_kind, default_tier, time_limit_key, open_to_public, description, active,
                       published_at)
                SELECT id, version, code, name, kind, parent_id, default_department_kind, default_tier, time_limit_key,
                       open_to_public, description, active, ? FROM case_category WHERE id = ?""")
                .params(CaseRows.utc(clock.instant()), id).update();
        versions.invalidate(id);
    }
}
