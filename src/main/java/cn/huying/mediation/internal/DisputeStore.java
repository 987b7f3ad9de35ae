package cn.huying.mediation.internal;

import cn.huying.mediation.DisputeState;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.OrgLevel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The mediation module's tables: organisations, disputes and what hangs on them. */
@Repository
class DisputeStore {

    private final JdbcClient jdbc;

    DisputeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---- organisations ------------------------------------------------------------------------

    private static Disputes.Org org(ResultSet rs, int n) throws SQLException {
        return new Disputes.Org(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrgLevel.valueOf(rs.getString("org_level")), rs.getString("kind"), rs.getLong("region_id"),
                rs.getString("region_path"));
    }

    List<Disputes.Org> orgs() {
        return jdbc.sql("SELECT * FROM mediation_org ORDER BY org_level DESC, code").query(DisputeStore::org).list();
    }

    Optional<Disputes.Org> org(long id) {
        return jdbc.sql("SELECT * FROM mediation_org WHERE id = ?").param(id).query(DisputeStore::org).optional();
    }

    Optional<Disputes.Org> orgByCode(String code) {
        return jdbc.sql("SELECT * FROM mediation_org WHERE code = ?").param(code).query(DisputeStore::org).optional();
    }

    long insertOrg(String code, String name, OrgLevel level, String kind, long regionId, String regionPath) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mediation_org (code, name, org_level, kind, region_id, region_path) VALUES (?, ?, ?, ?, ?, ?)")
                .params(code, name, level.name(), kind, regionId, regionPath).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertMember(long orgId, long userId, String title) {
        jdbc.sql("INSERT INTO mediation_member (org_id, user_id, title) VALUES (?, ?, ?)").params(orgId, userId, title)
                .update();
    }

    List<Disputes.Org> orgsOf(long userId) {
        return jdbc.sql("SELECT o.* FROM mediation_org o JOIN mediation_member m ON m.org_id = o.id WHERE m.user_id = ?"
                + " ORDER BY o.id").param(userId).query(DisputeStore::org).list();
    }

    boolean isMember(long orgId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM mediation_member WHERE org_id = ? AND user_id = ?").params(orgId, userId)
                .query(Long.class).single() > 0;
    }

    List<Long> memberIds(long orgId) {
        return jdbc.sql("SELECT user_id FROM mediation_member WHERE org_id = ? ORDER BY id").param(orgId)
                .query(Long.class).list();
    }

    long countOrgs() {
        return jdbc.sql("SELECT COUNT(*) FROM mediation_org").query(Long.class).single();
    }

    // ---- disputes -----------------------------------------------------------------------------

    /** The next number of the day, in a statement that commits with the caller. */
    int nextNumber(LocalDate day) {
        int updated = jdbc.sql("UPDATE dispute_sequence SET last_no = last_no + 1 WHERE seq_day = ?")
                .param(Date.valueOf(day)).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO dispute_sequence (seq_day, last_no) VALUES (?, 1)").param(Date.valueOf(day)).update();
                return 1;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                jdbc.sql("UPDATE dispute_sequence SET last_no = last_no + 1 WHERE seq_day = ?").param(Date.valueOf(day))
                        .update();
            }
        }
        return jdbc.sql("SELECT last_no FROM dispute_sequence WHERE seq_day = ?").param(Date.valueOf(day))
                .query(Integer.class).single();
    }

    /** What a new dispute is opened with. */
    record NewRow(String code, long caseId, String caseCode, String source, String courtMode, String courtReference,
                  Long courtOrgId, DisputeType type, String title, String facts, BigDecimal amountClaimed,
                  Disputes.Org org, long regionId, String regionPath, Instant acceptedAt, Instant dueAt,
                  Instant nextCheckAt, long createdBy) {
    }

    long insert(NewRow r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispute (code, case_id, case_code, source, court_mode, court_reference, court_org_id,
                  dispute_type, title, facts, amount_claimed, org_id, org_level, region_id, region_path, state,
                  accepted_at, due_at, next_check_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'MEDIATING', ?, ?, ?, ?, ?)""")
                .params(r.code(), r.caseId(), r.caseCode(), r.source(), r.courtMode(), r.courtReference(),
                        r.courtOrgId(), r.type().name(), r.title(), r.facts(), r.amountClaimed(), r.org().id(),
                        r.org().level().name(), r.regionId(), r.regionPath(), utc(r.acceptedAt()), utc(r.dueAt()),
                        utc(r.nextCheckAt()), r.createdBy(), utc(r.acceptedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertParty(long disputeId, String side, int seq, String nameEnc, String nameMask, String idEnc,
                     String idMask, String phoneEnc, String phoneMask) {
        jdbc.sql("""
                INSERT INTO dispute_party (dispute_id, side, seq, name_enc, name_mask, id_enc, id_mask, phone_enc,
                  phone_mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(disputeId, side, seq, nameEnc, nameMask, idEnc, idMask, phoneEnc, phoneMask).update();
    }

    void addMediator(long disputeId, long userId, long orgId, boolean invited) {
        jdbc.sql("DELETE FROM dispute_mediator WHERE dispute_id = ? AND user_id = ?").params(disputeId, userId).update();
        jdbc.sql("INSERT INTO dispute_mediator (dispute_id, user_id, org_id, invited) VALUES (?, ?, ?, ?)")
                .params(disputeId, userId, orgId, invited).update();
    }

    void removeOrgMediators(long disputeId) {
        jdbc.sql("DELETE FROM dispute_mediator WHERE dispute_id = ? AND invited = FALSE").param(disputeId).update();
    }

    void log(long disputeId, String action, String note, long actorId, String actorName, Instant at) {
        jdbc.sql("INSERT INTO dispute_log (dispute_id, action, note, actor_id, actor_name, logged_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(disputeId, action, note, actorId, actorName, utc(at)).update();
    }

    /** A conditional update of the dispute guarded by its version: false when someone else changed it first. */
    boolean update(long id, long version, String setClause, Object... params) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));
        all.add(id);
        all.add(version);
        return jdbc.sql("UPDATE dispute SET " + setClause + ", version = version + 1 WHERE id = ? AND version = ?")
                .params(all).update() == 1;
    }

    long insertMeeting(long disputeId, Instant heldAt, String place, String videoLink, String attendees,
                       String minutes, long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispute_meeting (dispute_id, held_at, place, video_link, attendees, minutes, created_by,
                  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(disputeId, utc(heldAt), place, videoLink, attendees, minutes, by, utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    long countMeetings(long disputeId) {
        return jdbc.sql("SELECT COUNT(*) FROM dispute_meeting WHERE dispute_id = ?").param(disputeId).query(Long.class)
                .single();
    }

    boolean meetingOf(long meetingId, long disputeId) {
        return jdbc.sql("SELECT COUNT(*) FROM dispute_meeting WHERE id = ? AND dispute_id = ?")
                .params(meetingId, disputeId).query(Long.class).single() > 0;
    }

    long insertDocument(long disputeId, Long meetingId, String kind, String fileName, String contentType,
                        byte[] content, long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispute_document (dispute_id, meeting_id, kind, file_name, content_type, content, created_by,
                  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(disputeId, meetingId, kind, fileName, contentType, content, by, utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Disputes.StoredDocument> document(long disputeId, long documentId) {
        return jdbc.sql("SELECT id, kind, file_name, content_type, content FROM dispute_document WHERE id = ? AND dispute_id = ?")
                .params(documentId, disputeId)
                .query((rs, n) -> new Disputes.StoredDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** Encrypted parties of a dispute, in order. */
    record StoredParty(long id, String side, String nameEnc, String idEnc, String phoneEnc) {
    }

    List<StoredParty> storedParties(long disputeId) {
        return jdbc.sql("SELECT id, side, name_enc, id_enc, phone_enc FROM dispute_party WHERE dispute_id = ? ORDER BY side, seq")
                .param(disputeId)
                .query((rs, n) -> new StoredParty(rs.getLong("id"), rs.getString("side"), rs.getString("name_enc"),
                        rs.getString("id_enc"), rs.getString("phone_enc")))
                .list();
    }

    long countDisputes() {
        return jdbc.sql("SELECT COUNT(*) FROM dispute").query(Long.class).single();
    }

    Optional<Long> openDisputeOfCase(long caseId) {
        return jdbc.sql("SELECT id FROM dispute WHERE case_id = ? AND state = 'MEDIATING'").param(caseId)
                .query(Long.class).optional();
    }
}
