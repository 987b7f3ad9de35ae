package cn.huying.residents.internal;

import cn.huying.identity.RegionScope;
import cn.huying.residents.HouseUse;
import cn.huying.residents.Relation;
import cn.huying.residents.ResidentKind;
import cn.huying.residents.Residents.Change;
import cn.huying.residents.Residents.HouseQuery;
import cn.huying.residents.Residents.PersonQuery;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registry's tables. Every scoped read takes the scope as a bound {@code region_path LIKE ?}. */
@Repository
class ResidentRepository {

    /** A house row. */
    record HouseRow(long id, long buildingId, String buildingName, String unitName, String room, String address,
                    long regionId, String regionPath, HouseUse use, BigDecimal areaM2, String note, long version,
                    int residents) {
    }

    /** A person row with their current house, if any. */
    record PersonRow(long id, String name, String idCardEnc, String idCardMask, String phoneEnc, String phoneMask,
                     ResidentKind kind, LocalDate registrationExpiry, boolean erased, long version, Long houseId,
                     String address) {
    }

    record MemberRow(long id, long householdId, long personId, String name, Relation relation, LocalDate moveIn,
                     LocalDate moveOut, String idCardMask, String phoneMask, ResidentKind kind) {
    }

    private static final String HOUSE_SELECT = """
            SELECT ho.id, ho.building_id, b.name AS building_name, u.name AS unit_name, ho.room, ho.address, ho.region_id,
                   ho.region_path, ho.house_use, ho.area_m2, ho.note, ho.version,
                   (SELECT COUNT(*) FROM res_member m JOIN res_household hh ON hh.id = m.household_id
                     WHERE hh.house_id = ho.id AND m.move_out IS NULL) AS residents
            FROM res_house ho JOIN res_building b ON b.id = ho.building_id JOIN res_unit u ON u.id = ho.unit_id
            """;

    private static final String PERSON_SELECT = """
            SELECT p.id, p.name, p.id_card_enc, p.id_card_mask, p.phone_enc, p.phone_mask, p.kind, p.registration_expiry,
                   p.erased, p.version, ho.id AS house_id, ho.address
            FROM res_person p
            LEFT JOIN res_member m ON m.person_id = p.id AND m.move_out IS NULL
            LEFT JOIN res_household hh ON hh.id = m.household_id
            LEFT JOIN res_house ho ON ho.id = hh.house_id
            """;

    /** A person is in scope when the house they live in (or last lived in) is: its path is kept on the person. */
    private static final String PERSON_IN_SCOPE = " p.region_path LIKE ?";

    /** The visible end of an ID number, or a whole masked number. */
    private static final Pattern MASKED = Pattern.compile("[0-9]{3}[0-9X]|[0-9]{6}\\*{8}[0-9]{3}[0-9X]");

    /** Lists count their rows up to this many ("1000+"): an exact count of millions costs seconds. */
    static final int COUNT_CAP = 1000;

    private final JdbcClient jdbc;

    ResidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- houses

    List<HouseRow> houses(HouseQuery q, RegionScope scope, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = houseWhere(q, scope, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(HOUSE_SELECT + where + " ORDER BY ho.address, ho.id LIMIT ? OFFSET ?").params(params)
                .query(this::house).list();
    }

    long countHouses(HouseQuery q, RegionScope scope) {
        List<Object> params = new ArrayList<>();
        String where = houseWhere(q, scope, params);
        params.add(COUNT_CAP + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM res_house ho" + where + " LIMIT ?) x").params(params)
                .query(Long.class).single();
    }

    private static String houseWhere(HouseQuery q, RegionScope scope, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE ho.region_path LIKE ?");
        params.add(scope.likePattern());
        if (q.q() != null && !q.q().isBlank()) {
            w.append(" AND ho.address LIKE ?");
            params.add("%" + like(q.q().strip()) + "%");
        }
        if (q.use() != null) {
            w.append(" AND ho.house_use = ?");
            params.add(q.use().name());
        }
        if (q.regionId() != null) {
            w.append(" AND ho.region_path LIKE ?");
            params.add("%/" + q.regionId() + "/%");
        }
        return w.toString();
    }

    Optional<HouseRow> house(long id, RegionScope scope) {
        return jdbc.sql(HOUSE_SELECT + " WHERE ho.id = ? AND ho.region_path LIKE ?").params(id, scope.likePattern())
                .query(this::house).optional();
    }

    /** The house row locked for a change, in scope. */
    Optional<Long> lockHouse(long id, RegionScope scope) {
        return jdbc.sql("SELECT id FROM res_house WHERE id = ? AND region_path LIKE ? FOR UPDATE")
                .params(id, scope.likePattern()).query(Long.class).optional();
    }

    private HouseRow house(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new HouseRow(rs.getLong("id"), rs.getLong("building_id"), rs.getString("building_name"),
                rs.getString("unit_name"), rs.getString("room"), rs.getString("address"), rs.getLong("region_id"),
                rs.getString("region_path"), HouseUse.valueOf(rs.getString("house_use")), rs.getBigDecimal("area_m2"),
                rs.getString("note"), rs.getLong("version"), rs.getInt("residents"));
    }

    long building(String address, long regionId, String regionPath, Double lat, Double lng, Instant now) {
        Optional<Long> found = jdbc.sql("SELECT id FROM res_building WHERE address = ?").param(address)
                .query(Long.class).optional();
        if (found.isPresent()) {
            return found.get();
        }
        return insert("INSERT INTO res_building (name, address, region_id, region_path, lat, lng, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", address, address, regionId, regionPath, lat, lng, ts(now));
    }

    long unit(long buildingId, String name) {
        return jdbc.sql("SELECT id FROM res_unit WHERE building_id = ? AND name = ?").params(buildingId, name)
                .query(Long.class).optional()
                .orElseGet(() -> insert("INSERT INTO res_unit (building_id, name) VALUES (?, ?)", buildingId, name));
    }

    boolean roomTaken(long unitId, String room) {
        return jdbc.sql("SELECT COUNT(*) FROM res_house WHERE unit_id = ? AND room = ?").params(unitId, room)
                .query(Long.class).single() > 0;
    }

    Long houseOf(long unitId, String room) {
        return jdbc.sql("SELECT id FROM res_house WHERE unit_id = ? AND room = ?").params(unitId, room).query(Long.class)
                .optional().orElse(null);
    }

    long insertHouse(long buildingId, long unitId, String room, String address, long regionId, String regionPath,
                     HouseUse use, BigDecimal area, String note, Instant now) {
        return insert("INSERT INTO res_house (building_id, unit_id, room, address, region_id, region_path, house_use,"
                        + " area_m2, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", buildingId, unitId, room,
                address, regionId, regionPath, use.name(), area, note, ts(now));
    }

    /** Changes the use if the version matches; false when someone changed the house first. */
    boolean updateUse(long id, HouseUse use, String note, long version, Instant now) {
        return jdbc.sql("UPDATE res_house SET house_use = ?, note = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?").params(use.name(), note, ts(now), id, version).update() == 1;
    }

    long insertHousehold(long houseId, Instant now) {
        return insert("INSERT INTO res_household (house_id, created_at) VALUES (?, ?)", houseId, ts(now));
    }

    Optional<Long> householdHouse(long householdId) {
        return jdbc.sql("SELECT house_id FROM res_household WHERE id = ?").param(householdId).query(Long.class)
                .optional();
    }

    List<Long> households(long houseId) {
        return jdbc.sql("SELECT id FROM res_household WHERE house_id = ? ORDER BY id").param(houseId)
                .query(Long.class).list();
    }

    List<MemberRow> members(long houseId) {
        return jdbc.sql("""
                SELECT m.id, m.household_id, m.person_id, p.name, m.relation, m.move_in, m.move_out, p.id_card_mask,
                       p.phone_mask, p.kind
                FROM res_member m JOIN res_household hh ON hh.id = m.household_id JOIN res_person p ON p.id = m.person_id
                WHERE hh.house_id = ? ORDER BY m.household_id, m.move_out DESC, m.id""").param(houseId)
                .query((rs, n) -> new MemberRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        Relation.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        ResidentKind.valueOf(rs.getString(10)))).list();
    }

    List<PersonRow> persons(PersonQuery q, String idHash, RegionScope scope, LocalDate today, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = personWhere(q, idHash, scope, today, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(PERSON_SELECT + where + " ORDER BY p.name, p.id LIMIT ? OFFSET ?").params(params)
                .query(this::person).list();
    }

    long countPersons(PersonQuery q, String idHash, RegionScope scope, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String where = personWhere(q, idHash, scope, today, params);
        params.add(COUNT_CAP + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM res_person p LEFT JOIN res_member m ON m.person_id = p.id"
                        + " AND m.move_out IS NULL LEFT JOIN res_household hh ON hh.id = m.household_id"
                        + " LEFT JOIN res_house ho ON ho.id = hh.house_id" + where + " LIMIT ?) x").params(params)
                .query(Long.class).single();
    }

    private static String personWhere(PersonQuery q, String idHash, RegionScope scope, LocalDate today,
                                      List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE p.erased = FALSE AND ").append(PERSON_IN_SCOPE);
        params.add(scope.likePattern());
        if (idHash != null) {
            w.append(" AND p.id_card_hash = ?");
            params.add(idHash);
        }
        if (q.q() != null && !q.q().isBlank()) {
            String t = q.q().strip().toUpperCase(java.util.Locale.ROOT);
            if (MASKED.matcher(t).matches()) {
                // a masked number as a list shows it ("370481********1234") or its visible end ("1234")
                w.append(" AND p.id_card_tail = ?");
                params.add(t.substring(t.length() - 4));
                if (t.length() == 18) {
                    w.append(" AND p.id_card_mask LIKE ?");
                    params.add(like(t.substring(0, 6)) + "%");
                }
            } else {
                // a name as typed from its start (uses the name index; the houses list searches addresses)
                w.append(" AND p.name LIKE ?");
                params.add(like(t) + "%");
            }
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            w.append(" AND EXISTS (SELECT 1 FROM res_person_tag pt WHERE pt.person_id = p.id AND pt.tag_code = ?)");
            params.add(q.tag());
        }
        if (q.kind() != null) {
            w.append(" AND p.kind = ?");
            params.add(q.kind().name());
        }
        if (q.regionId() != null) {
            w.append(" AND ho.region_path LIKE ?");
            params.add("%/" + q.regionId() + "/%");
        }
        if (q.expiringOnly()) {
            w.append(" AND p.registration_expiry IS NOT NULL AND p.registration_expiry <= ?");
            params.add(today.plusDays(30));
        }
        return w.toString();
    }

    Optional<PersonRow> person(long id, RegionScope scope) {
        return jdbc.sql(PERSON_SELECT + " WHERE p.id = ? AND p.erased = FALSE AND " + PERSON_IN_SCOPE)
                .params(id, scope.likePattern()).query(this::person).optional();
    }

    /** Locks the person row (one membership change at a time per person). */
    void lockPerson(long id) {
        jdbc.sql("SELECT id FROM res_person WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    private PersonRow person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("id_card_enc"),
                rs.getString("id_card_mask"), rs.getString("phone_enc"), rs.getString("phone_mask"),
                ResidentKind.valueOf(rs.getString("kind")), rs.getObject("registration_expiry", LocalDate.class),
                rs.getBoolean("erased"), rs.getLong("version"), rs.getObject("house_id", Long.class),
                rs.getString("address"));
    }

    Optional<Long> personByHash(String hash) {
        return jdbc.sql("SELECT id FROM res_person WHERE id_card_hash = ?").param(hash).query(Long.class).optional();
    }

    long insertPerson(String name, String gender, LocalDate birth, String idEnc, String idHash, String idMask,
                      String phoneEnc, String phoneMask, ResidentKind kind, LocalDate expiry, Instant now) {
        return insert("INSERT INTO res_person (name, gender, birth_date, id_card_enc, id_card_hash, id_card_mask,"
                        + " id_card_tail, phone_enc, phone_mask, kind, registration_expiry, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", name, gender, birth, idEnc, idHash, idMask,
                idMask == null ? null : idMask.substring(idMask.length() - 4), phoneEnc, phoneMask, kind.name(), expiry,
                ts(now), ts(now));
    }

    /** The household a person lives in now, if any. */
    Optional<Long> openMembership(long personId) {
        return jdbc.sql("SELECT household_id FROM res_member WHERE person_id = ? AND move_out IS NULL")
                .param(personId).query(Long.class).optional();
    }

    /** A membership; the person's region path becomes the house's (their scope follows them). */
    long insertMember(long householdId, long personId, Relation relation, LocalDate moveIn) {
        long id = insert("INSERT INTO res_member (household_id, person_id, relation, move_in) VALUES (?, ?, ?, ?)",
                householdId, personId, relation.name(), moveIn);
        jdbc.sql("UPDATE res_person SET region_path = (SELECT ho.region_path FROM res_household hh JOIN res_house ho"
                + " ON ho.id = hh.house_id WHERE hh.id = ?) WHERE id = ?").params(householdId, personId).update();
        return id;
    }

    record Membership(long id, long personId, long houseId, LocalDate moveIn, LocalDate moveOut) {
    }

    Optional<Membership> membership(long memberId) {
        return jdbc.sql("SELECT m.id, m.person_id, hh.house_id, m.move_in, m.move_out FROM res_member m"
                        + " JOIN res_household hh ON hh.id = m.household_id WHERE m.id = ?").param(memberId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).optional();
    }

    void endMembership(long memberId, LocalDate moveOut) {
        jdbc.sql("UPDATE res_member SET move_out = ? WHERE id = ?").params(moveOut, memberId).update();
    }

    void erase(long personId, Instant now) {
        jdbc.sql("""
                UPDATE res_person SET name = '（已删除）', gender = NULL, birth_date = NULL, id_card_enc = NULL,
                       id_card_hash = NULL, id_card_mask = NULL, id_card_tail = NULL, phone_enc = NULL, phone_mask = NULL, erased = TRUE,
                       registration_expiry = NULL, version = version + 1, updated_at = ? WHERE id = ?""")
                .params(ts(now), personId).update();
        jdbc.sql("DELETE FROM res_person_tag WHERE person_id = ?").param(personId).update();
    }

    void touchPerson(long personId, Instant now) {
        jdbc.sql("UPDATE res_person SET version = version + 1, updated_at = ? WHERE id = ?").params(ts(now), personId)
                .update();
    }

    /** The people living now in a house of the scope who carry one of the tags. */
    List<PersonRow> careList(java.util.Collection<String> tags, RegionScope scope) {
        return jdbc.sql(PERSON_SELECT + " WHERE p.erased = FALSE AND p.region_path LIKE :scope AND ho.id IS NOT NULL"
                        + " AND p.id IN (SELECT pt.person_id FROM res_person_tag pt WHERE pt.tag_code IN (:tags))"
                        + " ORDER BY ho.address, p.id").param("scope", scope.likePattern()).param("tags", List.copyOf(tags))
                .query(this::person).list();
    }

    record Details(String gender, LocalDate birthDate) {
    }

    Details personDetails(long id) {
        return jdbc.sql("SELECT gender, birth_date FROM res_person WHERE id = ?").param(id)
                .query((rs, n) -> new Details(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
    }

    List<cn.huying.residents.Residents.Stay> stays(long personId) {
        return jdbc.sql("SELECT ho.address, m.relation, m.move_in, m.move_out FROM res_member m"
                        + " JOIN res_household hh ON hh.id = m.household_id JOIN res_house ho ON ho.id = hh.house_id"
                        + " WHERE m.person_id = ? ORDER BY m.move_in, m.id").param(personId)
                .query((rs, n) -> new cn.huying.residents.Residents.Stay(rs.getString(1),
                        Relation.valueOf(rs.getString(2)).label(), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).list();
    }

    // ---------------------------------------------------------------- history and case links

    void history(String entity, long id, String actor, Instant at, String what) {
        jdbc.sql("INSERT INTO res_history (entity, entity_id, actor, changed_at, what) VALUES (?, ?, ?, ?, ?)")
                .params(entity, id, actor, ts(at), what.length() > 1000 ? what.substring(0, 1000) : what).update();
    }

    List<Change> history(String entity, long id) {
        return jdbc.sql("SELECT actor, changed_at, what FROM res_history WHERE entity = ? AND entity_id = ? ORDER BY id")
                .params(entity, id).query((rs, n) -> new Change(rs.getString(1),
                        rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
    }

    void linkCase(long caseId, long houseId, Long personId, String actor, Instant now) {
        jdbc.sql("INSERT INTO res_case_link (case_id, house_id, person_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, houseId, personId, actor, ts(now)).update();
    }

    List<Long> casesOfHouse(long houseId) {
        return jdbc.sql("SELECT DISTINCT case_id FROM res_case_link WHERE house_id = ? ORDER BY case_id DESC")
                .param(houseId).query(Long.class).list();
    }

    List<Long> housesOfCase(long caseId) {
        return jdbc.sql("SELECT DISTINCT house_id FROM res_case_link WHERE case_id = ? ORDER BY house_id")
                .param(caseId).query(Long.class).list();
    }

    private long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
