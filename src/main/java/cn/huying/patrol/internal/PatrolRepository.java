package cn.huying.patrol.internal;

import cn.huying.identity.RegionScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Patrols, visits, shifts, visit rules and party organisations; scoped reads bind the region path. */
@Repository
class PatrolRepository {

    record PatrolRow(long id, String workerName, long regionId, String shift, String shiftName, LocalDate date,
                     String place, String finding, Long houseId, String houseAddress, Long caseId, String caseCode,
                     Instant recordedAt, long workerId) {
    }

    record VisitRow(long id, String workerName, long personId, long houseId, String address, LocalDate date,
                    String note, boolean needsHelp, Instant recordedAt) {
    }

    private static final String PATROL = """
            SELECT p.id, p.worker_name, p.region_id, p.shift, s.name AS shift_name, p.patrol_date, p.place, p.finding,
                   p.house_id, p.house_address, p.case_id, p.case_code, p.recorded_at, p.worker_id
            FROM patrol p LEFT JOIN patrol_shift s ON s.code = p.shift""";

    private static final String VISIT = """
            SELECT id, worker_name, person_id, house_id, address, visit_date, note, needs_help, recorded_at
            FROM patrol_visit""";

    private final JdbcClient jdbc;

    PatrolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> shifts() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM patrol_shift WHERE active = TRUE ORDER BY sort_order")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    Map<String, String> findingCategories() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT category_code, label FROM patrol_finding_category ORDER BY sort_order").query(rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    Optional<Long> patrolByKey(long workerId, String key) {
        return jdbc.sql("SELECT id FROM patrol WHERE worker_id = ? AND idempotency_key = ?").params(workerId, key)
                .query(Long.class).optional();
    }

    long insertPatrol(long workerId, String workerName, long regionId, String regionPath, String shift, LocalDate date,
                      String place, String finding, Long houseId, String houseAddress, String key, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO patrol (worker_id, worker_name, region_id, region_path, shift, patrol_date, place, finding,
                                    house_id, house_address, idempotency_key, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(workerId, workerName, regionId, regionPath, shift,
                date, place, finding, houseId, houseAddress, key, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setCase(long patrolId, long caseId, String caseCode) {
        jdbc.sql("UPDATE patrol SET case_id = ?, case_code = ? WHERE id = ? AND case_id IS NULL")
                .params(caseId, caseCode, patrolId).update();
    }

    Optional<PatrolRow> patrol(long id, RegionScope scope) {
        return jdbc.sql(PATROL + " WHERE p.id = ? AND p.region_path LIKE ?").params(id, scope.likePattern())
                .query(this::patrol).optional();
    }

    /** Locks a patrol for its one turn into a case. */
    void lockPatrol(long id) {
        jdbc.sql("SELECT id FROM patrol WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    List<PatrolRow> patrols(LocalDate from, LocalDate to, RegionScope scope) {
        return jdbc.sql(PATROL + " WHERE p.region_path LIKE ? AND p.patrol_date BETWEEN ? AND ?"
                        + " ORDER BY p.patrol_date DESC, p.id DESC LIMIT 500").params(scope.likePattern(), from, to)
                .query(this::patrol).list();
    }

    private PatrolRow patrol(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PatrolRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getObject(9, Long.class),
                rs.getString(10), rs.getObject(11, Long.class), rs.getString(12), rs.getTimestamp(13).toInstant(),
                rs.getLong(14));
    }

    Optional<Long> visitByKey(long workerId, String key) {
        return jdbc.sql("SELECT id FROM patrol_visit WHERE worker_id = ? AND idempotency_key = ?").params(workerId, key)
                .query(Long.class).optional();
    }

    long insertVisit(long workerId, String workerName, long personId, long houseId, String address, long regionId,
                     String regionPath, LocalDate date, String note, boolean needsHelp, String key, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO patrol_visit (worker_id, worker_name, person_id, house_id, address, region_id, region_path,
                                          visit_date, note, needs_help, idempotency_key, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(workerId, workerName, personId, houseId, address,
                regionId, regionPath, date, note, needsHelp, key, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<VisitRow> visit(long id, RegionScope scope) {
        return jdbc.sql(VISIT + " WHERE id = ? AND region_path LIKE ?").params(id, scope.likePattern())
                .query(this::visit).optional();
    }

    List<VisitRow> visits(LocalDate from, LocalDate to, RegionScope scope) {
        return jdbc.sql(VISIT + " WHERE region_path LIKE ? AND visit_date BETWEEN ? AND ?"
                        + " ORDER BY visit_date DESC, id DESC LIMIT 500").params(scope.likePattern(), from, to)
                .query(this::visit).list();
    }

    private VisitRow visit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new VisitRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant());
    }

    /** The last visit of each person. */
    Map<Long, LocalDate> lastVisits(List<Long> personIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT person_id, MAX(visit_date) FROM patrol_visit WHERE person_id IN (:ids) GROUP BY person_id")
                .param("ids", personIds).query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    /** tag code → {interval days, active}. */
    Map<String, int[]> visitRules() {
        Map<String, int[]> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT tag_code, interval_days, active FROM patrol_visit_rule ORDER BY tag_code").query(rs -> {
            out.put(rs.getString(1), new int[]{rs.getInt(2), rs.getBoolean(3) ? 1 : 0});
        });
        return out;
    }

    void saveVisitRule(String tag, int days, boolean active) {
        int n = jdbc.sql("UPDATE patrol_visit_rule SET interval_days = ?, active = ? WHERE tag_code = ?")
                .params(days, active, tag).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO patrol_visit_rule (tag_code, interval_days, active) VALUES (?, ?, ?)")
                    .params(tag, days, active).update();
        }
    }

    /** Per grid: patrols, patrols with a finding, findings turned into cases; visits. Never per person. */
    List<long[]> tally(LocalDate from, LocalDate to, RegionScope scope) {
        Map<Long, long[]> out = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT region_id, COUNT(*), SUM(CASE WHEN finding IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN case_id IS NOT NULL THEN 1 ELSE 0 END)
                FROM patrol WHERE region_path LIKE ? AND patrol_date BETWEEN ? AND ? GROUP BY region_id""")
                .params(scope.likePattern(), from, to).query(rs -> {
                    out.put(rs.getLong(1), new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0});
                });
        jdbc.sql("""
                SELECT region_id, COUNT(*) FROM patrol_visit
                WHERE region_path LIKE ? AND visit_date BETWEEN ? AND ? GROUP BY region_id""")
                .params(scope.likePattern(), from, to).query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new long[]{k, 0, 0, 0, 0})[4] = rs.getLong(2);
                });
        return new ArrayList<>(out.values());
    }

    record OrgRow(long id, String name, String level, Long parentId, long regionId) {
    }

    List<OrgRow> orgs(RegionScope scope) {
        return jdbc.sql("SELECT id, name, level, parent_id, region_id FROM party_org WHERE region_path LIKE ?"
                        + " ORDER BY region_path, id").param(scope.likePattern())
                .query((rs, n) -> new OrgRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getLong(5))).list();
    }

    Map<Long, List<String>> members(List<Long> orgIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (orgIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT org_id, name, duty FROM party_member WHERE org_id IN (:ids) ORDER BY id").param("ids", orgIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2) + (rs.getString(3) == null ? "" : "（" + rs.getString(3) + "）"));
                });
        return out;
    }
}
