package cn.huying.hotline.internal;

import cn.huying.cases.CaseKind;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case categories as the channels need them: the active leaf categories, with their group (the
 * parent category) and whether they are open to the public (the Open311 services).
 *
 * <p>Read-only SQL on the cases module's {@code case_category}, because the {@link cn.huying.cases.Cases}
 * facade does not list categories yet; to be replaced by such a method once it exists.
 */
@Repository
class CategoryCatalog {

    /** A leaf category 事件分类 and its parent 分类组. */
    record Leaf(String code, String name, CaseKind kind, String description, String groupName, boolean openToPublic) {
    }

    private final JdbcClient jdbc;

    CategoryCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Leaf> leaves() {
        return jdbc.sql("""
                SELECT c.code, c.name, c.kind, c.description, p.name AS group_name, c.open_to_public
                FROM case_category c JOIN case_category p ON p.id = c.parent_id
                WHERE c.active = TRUE
                ORDER BY c.sort_order, c.id""")
                .query((rs, n) -> new Leaf(rs.getString("code"), rs.getString("name"),
                        CaseKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getString("group_name"), rs.getBoolean("open_to_public")))
                .list();
    }

    /** The Open311 services: active leaf categories open to the public. */
    List<Leaf> publicLeaves() {
        return leaves().stream().filter(Leaf::openToPublic).toList();
    }

    Optional<Leaf> leaf(String code) {
        return leaves().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    Optional<Leaf> publicLeaf(String code) {
        return leaf(code).filter(Leaf::openToPublic);
    }
}
