package cn.huying.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.identity.HistorySeal;
import cn.huying.identity.KeyChecks;
import cn.huying.identity.StepChain;
import cn.huying.identity.StepChain.Entry;
import cn.huying.identity.StepChain.Fault;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 30: the chain of sealed steps finds an edited, re-sealed, removed, inserted or unsealed entry. */
class StepChainTest {

    private static final KeyChecks ANY = (name, setting, fresh, matches) -> {
    };

    @TempDir
    Path dir;

    private HistorySeal seal(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return new HmacHistorySeal(Base64.getEncoder().encodeToString(key), dir.toString(), ANY);
    }

    private static List<Object> fields(int i) {
        return java.util.Arrays.asList("REGISTER", null, "REGISTERED", 17L + i, "张敏", Instant.ofEpochSecond(1_800_000_000L + i));
    }

    /** A record of n sealed entries (ids 101…), as its owner writes them; returns the entries and the head. */
    private static List<Entry> chain(HistorySeal seal, int n, String record, String[] head) {
        List<Entry> out = new ArrayList<>();
        String previous = HistorySeal.GENESIS;
        for (int i = 1; i <= n; i++) {
            String s = seal.seal(record, i, previous, fields(i));
            out.add(new Entry(100 + i, (long) i, s, fields(i)));
            previous = s;
        }
        head[0] = previous;
        return out;
    }

    @Test
    void anUntouchedRecordHolds() {
        HistorySeal seal = seal((byte) 1);
        String[] head = new String[1];
        List<Entry> entries = chain(seal, 5, "case:MS-1", head);
        StepChain.Result r = StepChain.check(seal, "case:MS-1", entries, head[0], 5);
        assertThat(r.broken()).isEmpty();
        assertThat(r.checked()).isEqualTo(5);
        assertThat(seal.seal("case:MS-1", 1, "", fields(1))).hasSize(64).isEqualTo(entries.get(0).seal());
    }

    @Test
    void anEditedEntryIsNamed() {
        HistorySeal seal = seal((byte) 1);
        String[] head = new String[1];
        List<Entry> entries = new ArrayList<>(chain(seal, 5, "case:MS-1", head));
        List<Object> edited = new ArrayList<>(fields(3));
        edited.set(4, "李强");
        entries.set(2, new Entry(103, 3L, entries.get(2).seal(), edited));
        assertThat(StepChain.check(seal, "case:MS-1", entries, head[0], 5).broken())
                .contains(new StepChain.Break("case:MS-1", 103L, 3, Fault.ALTERED));
    }

    @Test
    void anEntryEditedAndEveryLaterSealRecomputedWithAnotherKeyIsNamed() {
        HistorySeal seal = seal((byte) 1);
        HistorySeal forger = seal((byte) 2);
        String[] head = new String[1];
        List<Entry> entries = new ArrayList<>(chain(seal, 5, "case:MS-1", head));
        String previous = entries.get(1).seal();
        for (int i = 3; i <= 5; i++) {
            List<Object> f = fields(i);
            String s = forger.seal("case:MS-1", i, previous, f);
            entries.set(i - 1, new Entry(100 + i, (long) i, s, f));
            previous = s;
        }
        // the forger also sets the head on the record
        assertThat(StepChain.check(seal, "case:MS-1", entries, previous, 5).broken())
                .contains(new StepChain.Break("case:MS-1", 103L, 3, Fault.ALTERED));
    }

    @Test
    void theNewestEntryRemovedIsFoundByTheHead() {
        HistorySeal seal = seal((byte) 1);
        String[] head = new String[1];
        List<Entry> entries = new ArrayList<>(chain(seal, 5, "case:MS-1", head));
        entries.remove(4);
        assertThat(StepChain.check(seal, "case:MS-1", entries, head[0], 5).broken())
                .contains(new StepChain.Break("case:MS-1", null, 5, Fault.HEAD_MISMATCH));
    }

    @Test
    void aMiddleEntryRemovedOrAnEntryCopiedFromAnotherRecordIsFound() {
        HistorySeal seal = seal((byte) 1);
        String[] head = new String[1];
        List<Entry> entries = new ArrayList<>(chain(seal, 5, "case:MS-1", head));
        List<Entry> gap = new ArrayList<>(entries);
        gap.remove(1);
        assertThat(StepChain.check(seal, "case:MS-1", gap, head[0], 5).broken().orElseThrow().fault())
                .isEqualTo(Fault.OUT_OF_SEQUENCE);
        String[] otherHead = new String[1];
        List<Entry> other = chain(seal, 5, "case:MS-2", otherHead);
        assertThat(StepChain.check(seal, "case:MS-1", other, otherHead[0], 5).broken().orElseThrow().fault())
                .as("a record's entries are sealed with its name").isEqualTo(Fault.ALTERED);
    }

    @Test
    void entriesBeforeSealingBeganAreCountedAndAnUnsealedOneAfterIsABreak() {
        HistorySeal seal = seal((byte) 1);
        String[] head = new String[1];
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(90, null, null, List.of("REPORT")));
        entries.addAll(chain(seal, 2, "case:MS-1", head));
        StepChain.Result r = StepChain.check(seal, "case:MS-1", entries, head[0], 2);
        assertThat(r.broken()).isEmpty();
        assertThat(r.unsealed()).isEqualTo(1);
        entries.add(new Entry(200, null, null, List.of("CLOSE")));
        assertThat(StepChain.check(seal, "case:MS-1", entries, head[0], 2).broken().orElseThrow().fault())
                .isEqualTo(Fault.UNSEALED);
    }
}
