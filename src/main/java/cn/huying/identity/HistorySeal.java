package cn.huying.identity;

import java.util.List;

/**
 * Tamper-evident records of steps 全程留痕 (issue 30). Each entry of a record (a case's history, and later a
 * dispute's or a project's steps) is sealed with an HMAC-SHA-256, keyed outside the database
 * ({@code huying.history.key}), over the record's name, the entry's position, the previous entry's seal and the
 * entry's content. Whoever edits, inserts or removes an entry in the database cannot make the seals agree again
 * without the key; the owner keeps the newest seal and the length beside the record (its "head"), so that a removed
 * newest entry is found too. {@link StepChain} checks a record against its head.
 *
 * <p>How a module uses it: compute the seal in Java before the entry is written, from the head it read with the
 * record's row (under the row's lock or version check), store the seal and position with the entry and the new
 * head and length with the record, in the same transaction.
 */
public interface HistorySeal {

    /** The "previous seal" of a record's first entry. */
    String GENESIS = "";

    /**
     * The seal of one entry: 64 hex digits.
     *
     * @param record   the record's stable name, e.g. {@code case:MS-20261127-0003} (not a database id, which the
     *                 entry may not know before it is written)
     * @param position the entry's position in the record, 1 for the first
     * @param previous the previous entry's seal, {@link #GENESIS} for the first
     * @param fields   the entry's content: strings, numbers, instants (as epoch microseconds), enums; nulls allowed
     */
    String seal(String record, long position, String previous, List<?> fields);
}
