package cn.huying.residents.internal;

import cn.huying.identity.RegionScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Occupancy and care-tag counts per grid, each one grouped statement over the scope. */
@Repository
class GridCountQueries {

    private final JdbcClient jdbc;

    GridCountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {region id, use, houses} of the scope. */
    List<Object[]> countsByUse(RegionScope scope) {
        return jdbc.sql("SELECT region_id, house_use, COUNT(*) FROM res_house WHERE region_path LIKE ?"
                        + " GROUP BY region_id, house_use").param(scope.likePattern())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3)}).list();
    }

    /** People living now per region of the scope. */
    Map<Long, Long> residentsByRegion(RegionScope scope) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT ho.region_id, COUNT(*) FROM res_member m JOIN res_household hh ON hh.id = m.household_id"
                        + " JOIN res_house ho ON ho.id = hh.house_id WHERE m.move_out IS NULL AND ho.region_path LIKE ?"
                        + " GROUP BY ho.region_id").param(scope.likePattern())
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** {region id, tag name, people living there now} of the scope. */
    List<Object[]> tagsByRegion(RegionScope scope) {
        return jdbc.sql("""
                SELECT ho.region_id, t.name, COUNT(*) FROM res_person_tag pt
                JOIN res_care_tag t ON t.code = pt.tag_code
                JOIN res_member m ON m.person_id = pt.person_id AND m.move_out IS NULL
                JOIN res_household hh ON hh.id = m.household_id JOIN res_house ho ON ho.id = hh.house_id
                WHERE ho.region_path LIKE ? GROUP BY ho.region_id, t.name, t.sort_order ORDER BY t.sort_order""")
                .param(scope.likePattern())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3)}).list();
    }
}
