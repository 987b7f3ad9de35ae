package cn.huying.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks one record's chain of sealed entries ({@link HistorySeal}) against the head its owner keeps, and names
 * the first broken link. Entries come in their order; entries without a seal before the first sealed one were
 * written before sealing began and are counted, not judged.
 */
public final class StepChain {

    /** One stored entry as its owner read it. {@code seal} and {@code position} are null for an unsealed entry. */
    public record Entry(long id, Long position, String seal, List<?> fields) {
    }

    /** Why a link is broken. */
    public enum Fault {
        /** the entry's content or seal was changed, or it was sealed with another key */
        ALTERED,
        /** an entry is missing before this one, or one was inserted (the positions do not follow) */
        OUT_OF_SEQUENCE,
        /** an entry without a seal among sealed ones */
        UNSEALED,
        /** the record ends before (or after) the head its owner keeps: its newest entries were removed or added */
        HEAD_MISMATCH
    }

    /** The first broken link of a record: the entry (null when the record's end is at fault) and why. */
    public record Break(String record, Long entryId, long position, Fault fault) {
    }

    /** The outcome for one record: entries checked, unsealed entries before sealing began, and the first break. */
    public record Result(long checked, long unsealed, Optional<Break> broken) {
    }

    private StepChain() {
    }

    /**
     * @param record the record's name as it was sealed
     * @param head   the newest seal the owner keeps (null when nothing was sealed yet)
     * @param length how many sealed entries the owner says the record has
     */
    public static Result check(HistorySeal seal, String record, List<Entry> entries, String head, long length) {
        String previous = HistorySeal.GENESIS;
        long position = 0;
        long unsealed = 0;
        long checked = 0;
        for (Entry e : entries) {
            checked++;
            if (e.seal() == null || e.position() == null) {
                if (position == 0) {
                    unsealed++;
                    continue;
                }
                return new Result(checked, unsealed, Optional.of(new Break(record, e.id(), position + 1, Fault.UNSEALED)));
            }
            if (e.position() != position + 1) {
                return new Result(checked, unsealed,
                        Optional.of(new Break(record, e.id(), position + 1, Fault.OUT_OF_SEQUENCE)));
            }
            position++;
            String expected = seal.seal(record, position, previous, e.fields());
            if (!java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    e.seal().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return new Result(checked, unsealed, Optional.of(new Break(record, e.id(), position, Fault.ALTERED)));
            }
            previous = e.seal();
        }
        boolean headAgrees = position == length && (position == 0 ? head == null || head.isEmpty()
                : Objects.equals(previous, head));
        if (!headAgrees) {
            return new Result(checked, unsealed, Optional.of(new Break(record, null, position + 1, Fault.HEAD_MISMATCH)));
        }
        return new Result(checked, unsealed, Optional.empty());
    }
}
