package cn.huying.bench;

import cn.huying.identity.CurrentUser;
import java.util.LinkedHashSet;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo users and places, read as the application reads them. */
final class Demo {

    private Demo() {
    }

    /** The signed-in user {@code username} as the identity module builds it (same three queries as a login). */
    static CurrentUser user(JdbcClient jdbc, String username) {
        record Row(long id, String displayName, Long scope, Long dept) {
        }
        Row r = jdbc.sql("SELECT id, display_name, scope_region_id, department_id FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .single();
        var roles = new LinkedHashSet<>(jdbc.sql("SELECT role_code FROM user_role WHERE user_id = ? ORDER BY role_code")
                .param(r.id()).query(String.class).list());
        var permissions = new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT rp.permission FROM role_permission rp JOIN user_role ur ON ur.role_code = rp.role_code
                WHERE ur.user_id = ? ORDER BY rp.permission""").param(r.id()).query(String.class).list());
        return new CurrentUser(r.id(), username, r.displayName(), roles, permissions, r.scope(), r.dept());
    }

    /** A point inside a region's boundary, as {lat, lng}. */
    static double[] pointIn(JdbcClient jdbc, String regionName) {
        String boundary = jdbc.sql("SELECT boundary FROM region WHERE name = ?").param(regionName).query(String.class)
                .single();
        try {
            Point p = new GeoJsonReader().read(boundary).getInteriorPoint();
            return new double[]{p.getY(), p.getX()};
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static long departmentId(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM department WHERE code = ?").param(code).query(Long.class).single();
    }

    static long regionId(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
    }
}
