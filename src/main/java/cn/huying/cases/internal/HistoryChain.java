package cn.huying.cases.internal;

import cn.huying.identity.HistorySeal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A case's history as a sealed chain (issue 30, identity's {@link HistorySeal}): the record is {@code case:<code>}
 * (the code is known before the case row is written, its id is not), each entry's seal covers its position, the
 * previous seal and every column of the entry. The case row keeps the chain's head ({@code history_head}, the
 * newest seal) and length ({@code history_length}); the seals are computed here, in Java, before the statement
 * that writes the entry, from the head read with the case row.
 */
@Component
class HistoryChain {

    /** The history columns the seal covers, in this order (as {@link #fields(ResultSet)} reads them). */
    static final String SEALED_COLUMNS = "action, from_state, to_state, tier, department_id, actor_id, actor_name,"
            + " actor_role, note, attachment_ids, at";

    /** An entry's place in the chain: its position and seal. */
    record Link(int position, String seal) {
    }

    /** The links of entries about to be written, and the chain's new head and length. */
    record Sealed(List<Link> links, String head, int length) {
    }

    private final HistorySeal seal;

    HistoryChain(HistorySeal seal) {
        this.seal = seal;
    }

    static String record(String caseCode) {
        return "case:" + caseCode;
    }

    /** Seals {@code drafts} after a chain whose head and length are as given (null and 0 for a new chain). */
    Sealed seal(String caseCode, String head, int length, List<HistoryDraft> drafts) {
        return sealFields(caseCode, head, length, drafts.stream().map(HistoryChain::fields).toList());
    }

    /** As {@link #seal}, for entries given by their sealed fields (in the order of {@link #SEALED_COLUMNS}). */
    Sealed sealFields(String caseCode, String head, int length, List<List<Object>> entries) {
        List<Link> links = new ArrayList<>(entries.size());
        String previous = head == null ? HistorySeal.GENESIS : head;
        int position = length;
        for (List<Object> f : entries) {
            position++;
            previous = seal.seal(record(caseCode), position, previous, f);
            links.add(new Link(position, previous));
        }
        return new Sealed(links, entries.isEmpty() ? head : previous, position);
    }

    HistorySeal sealer() {
        return seal;
    }

    /** The stored form of an entry's attachment ids: comma-separated, null for none. */
    static String attachmentIds(List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Object> fields(HistoryDraft h) {
        return Arrays.asList(h.action().name(), h.fromState() == null ? null : h.fromState().name(), h.toState().name(),
                h.tier().name(), h.departmentId(), h.actorId(), h.actorName(), h.actorRole(), h.note(),
                attachmentIds(h.attachmentIds()), h.at());
    }

    /** The sealed fields of a stored entry, from a row that selected {@link #SEALED_COLUMNS} by name. */
    static List<Object> fields(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
        return Arrays.asList(rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
                rs.getString("tier"), rs.getObject("department_id", Long.class), rs.getLong("actor_id"),
                rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("note"),
                rs.getString("attachment_ids"), at == null ? null : at.toInstant());
    }
}
