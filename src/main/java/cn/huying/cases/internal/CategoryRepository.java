package cn.huying.cases.internal;

import cn.huying.cases.CaseKind;
import cn.huying.cases.Category;
import cn.huying.cases.Tier;
import cn.huying.region.DepartmentKind;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
                   open_to_public, description, active FROM case_category""";

    private final JdbcClient jdbc;
    private final LoadingCache<String, List<Category>> all;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.all = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
                .build(k -> jdbc.sql(SELECT + " ORDER BY sort_order, id").query(CategoryRepository::map).list());
    }

    static Category map(ResultSet rs, int n) throws SQLException {
        String dept = rs.getString("default_department_kind");
        return new Category(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                CaseKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
                dept == null ? null : DepartmentKind.valueOf(dept), Tier.valueOf(rs.getString("default_tier")),
                rs.getString("time_limit_key"), rs.getBoolean("open_to_public"), rs.getString("description"),
                rs.getBoolean("active"));
    }

    List<Category> all() {
        return all.get("all");
    }

    Optional<Category> find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
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
        all.invalidateAll();
        return keys.getKey().longValue();
    }

    void update(Category c) {
        jdbc.sql("""
                UPDATE case_category SET name = ?, default_department_kind = ?, default_tier = ?, time_limit_key = ?,
                       open_to_public = ?, description = ?, active = ? WHERE id = ?""")
                .params(c.name(), c.defaultDepartmentKind() == null ? null : c.defaultDepartmentKind().name(),
                        c.defaultTier().name(), c.timeLimitKey(), c.openToPublic(), c.description(), c.active(), c.id())
                .update();
        all.invalidateAll();
    }
}
