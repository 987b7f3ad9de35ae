package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.UserAccounts.UserSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for accounts, roles and permissions. */
@Repository
class UserRepository {

    /** An account row as the login check needs it. */
    record Credentials(long id, String username, String passwordHash, boolean enabled, int failedAttempts,
                       Instant lastFailedAt, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, enabled, failed_attempts, last_failed_at, locked_until
                FROM app_user WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), instant(rs.getObject(6, OffsetDateTime.class)),
                        instant(rs.getObject(7, OffsetDateTime.class))))
                .optional();
    }

    /**
     * Counts one attempt as a failure before its password is checked (a right password resets the count), if the
     * count is still {@code seenFailures} and the account is not locked; false if another attempt was counted in
     * between. Only the attempt that won may check a password, so parallel guesses cannot outrun the limit.
     */
    boolean claimAttempt(long userId, int seenFailures, Instant now) {
        return jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1, last_failed_at = ?"
                        + " WHERE id = ? AND failed_attempts = ? AND (locked_until IS NULL OR locked_until <= ?)")
                .params(utc(now), userId, seenFailures, utc(now)).update() == 1;
    }

    void lock(long userId, Instant until) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = ? WHERE id = ?")
                .params(utc(until), userId).update();
    }

    void recordSuccess(long userId) {
        jdbc.sql("""
                UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_failed_at = NULL
                WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)""")
                .param(userId).update();
    }

    Optional<CurrentUser> principal(long userId) {
        record Row(long id, String username, String displayName, Long scope, Long dept) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT id, username, display_name, scope_region_id, department_id
                FROM app_user WHERE id = ? AND enabled = TRUE""")
                .param(userId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class)))
                .optional();
        return row.map(r -> {
            Set<String> roles = new LinkedHashSet<>(jdbc.sql("SELECT role_code FROM user_role WHERE user_id = ? ORDER BY role_code")
                    .param(r.id()).query(String.class).list());
            Set<String> permissions = new LinkedHashSet<>(jdbc.sql("""
                    SELECT DISTINCT rp.permission FROM role_permission rp
                    JOIN user_role ur ON ur.role_code = rp.role_code
                    WHERE ur.user_id = ? ORDER BY rp.permission""")
                    .param(r.id()).query(String.class).list());
            return new CurrentUser(r.id(), r.username(), r.displayName(), roles, permissions, r.scope(), r.dept());
        });
    }

    long insert(String username, String displayName, String passwordHash, Long scopeRegionId, Long departmentId,
                Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, scope_region_id, department_id,
                                      enabled, failed_attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, TRUE, 0, ?, ?)""")
                .params(username, displayName, passwordHash, scopeRegionId, departmentId, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addRole(long userId, String role) {
        jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (?, ?)").params(userId, role).update();
    }

    boolean roleExists(String role) {
        return jdbc.sql("SELECT COUNT(*) FROM role WHERE code = ?").param(role).query(Long.class).single() > 0;
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    Optional<UserSummary> summaryById(long id) {
        return summaries("WHERE u.id = ?", id).stream().findFirst();
    }

    Optional<UserSummary> summaryByUsername(String username) {
        return summaries("WHERE u.username = ?", username).stream().findFirst();
    }

    List<UserSummary> byDepartmentAndRole(long departmentId, String role) {
        return summaries("""
                WHERE u.enabled = TRUE AND u.department_id = ?
                  AND EXISTS (SELECT 1 FROM user_role x WHERE x.user_id = u.id AND x.role_code = ?)""",
                departmentId, role);
    }

    List<UserSummary> byRoleCovering(String role, String regionPath) {
        // users whose scope region is the region itself or one of its ancestors
        return summaries("""
                WHERE u.enabled = TRUE
                  AND EXISTS (SELECT 1 FROM user_role x WHERE x.user_id = u.id AND x.role_code = ?)
                  AND EXISTS (SELECT 1 FROM region r WHERE r.id = u.scope_region_id
                              AND ? LIKE r.path || '%')""",
                role, regionPath);
    }

    /** Users visible in a scope: whose scope region lies inside it (administrators see all). */
    List<UserSummary> page(String scopeLike, boolean unrestricted, String q, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = listFilter(scopeLike, unrestricted, q, params);
        params.add(limit);
        params.add(offset);
        return summaries(where + " ORDER BY u.id LIMIT ? OFFSET ?", params.toArray());
    }

    long count(String scopeLike, boolean unrestricted, String q) {
        List<Object> params = new ArrayList<>();
        String where = listFilter(scopeLike, unrestricted, q, params);
        return jdbc.sql("SELECT COUNT(*) FROM app_user u " + where).params(params).query(Long.class).single();
    }

    private static String listFilter(String scopeLike, boolean unrestricted, String q, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (!unrestricted) {
            where.append(" AND EXISTS (SELECT 1 FROM region r WHERE r.id = u.scope_region_id AND r.path LIKE ?)");
            params.add(scopeLike);
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (u.username LIKE ? OR u.display_name LIKE ?)");
            String like = "%" + q.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        return where.toString();
    }

    private List<UserSummary> summaries(String where, Object... params) {
        record Row(long id, String username, String displayName, Long scope, Long dept, boolean enabled) {
        }
        List<Row> rows = jdbc.sql("SELECT u.id, u.username, u.display_name, u.scope_region_id, u.department_id, u.enabled"
                        + " FROM app_user u " + where)
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getBoolean(6)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> roles = new HashMap<>();
        for (Row r : rows) {
            roles.put(r.id(), new LinkedHashSet<>());
        }
        jdbc.sql("SELECT user_id, role_code FROM user_role WHERE user_id IN (:ids) ORDER BY role_code")
                .param("ids", roles.keySet())
                .query(rs -> {
                    Set<String> set = roles.get(rs.getLong(1));
                    if (set != null) {
                        set.add(rs.getString(2));
                    }
                });
        return rows.stream().map(r -> new UserSummary(r.id(), r.username(), r.displayName(), roles.get(r.id()),
                r.scope(), r.dept(), r.enabled())).toList();
    }
}
