package cn.huying.analytics.internal;

import cn.huying.analytics.HotIssue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.springframework.stereotype.Component;

/**
 * High-frequency common issues 高频共性问题 from the Chinese text (the description) of the cases received in a
 * period: each text is cut into words by Lucene's smartcn analyzer (a hidden-Markov word segmenter with its own
 * dictionary, so "暖气管道漏水" gives 暖气 / 管道 / 漏水 rather than overlapping character pairs); a word counts once per
 * case. Words the dictionary does not know come out as single characters (东街路灯 → 东街 / 路 / 灯): adjoining
 * single characters are joined again into one word (路灯, 不亮, 飞线). Words of one character, numbers, the generic
 * words of a report (反映, 问题, 群众 …) and the names of the villages (a place, not an issue) are left out. An issue
 * is rising when it occurs in at least three cases and in half as many again as in the previous period of the same
 * length.
 */
@Component
class HotIssueFinder {

    /** Words every report uses; they say nothing about what the issue is. */
    static final Set<String> GENERIC = Set.of("反映", "问题", "群众", "居民", "村民", "住户", "存在", "情况", "要求",
            "进行", "处理", "解决", "及时", "尽快", "发生", "没有", "无法", "不能", "影响", "希望", "相关", "部门", "工作",
            "已经", "目前", "一直", "多次", "现在", "今天", "请求", "请", "有人", "附近", "家中", "发现", "上报", "事件",
            "隐患", "小区");

    /** Function characters 虚词 that smartcn leaves single: they end a run of characters and are not kept. */
    static final String FUNCTION_CHARS = "的了在是和与对把被将从向到给内上下中里为等及或而也都就又很";

    private final FactReads reads;

    HotIssueFinder(FactReads reads) {
        this.reads = reads;
    }

    private record Tally(Set<Long> cases, Map<Long, Long> byVillage, List<double[]> points) {
    }

    /** The top issues of a period and the rising ones, from one reading of the period's texts and the previous. */
    record TopAndRising(List<HotIssue> top, List<HotIssue> rising) {
    }

    TopAndRising topAndRising(String prefix, LocalDate from, LocalDate to, int top, int rising,
                              Map<Long, String> villageNames) {
        List<HotIssue> all = find(prefix, from, to, Integer.MAX_VALUE, villageNames);
        return new TopAndRising(all.stream().limit(top).toList(), rising(all, rising));
    }

    List<HotIssue> find(String prefix, LocalDate from, LocalDate to, int top, Map<Long, String> villageNames) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Set<String> villages = new java.util.HashSet<>(villageNames.values());
        Map<String, Tally> now = tally(prefix, from, to, villages);
        Map<String, Tally> before = tally(prefix, from.minusDays(days), from.minusDays(1), villages);
        List<HotIssue> out = new ArrayList<>();
        now.forEach((term, t) -> {
            long count = t.cases().size();
            long previous = before.containsKey(term) ? before.get(term).cases().size() : 0;
            boolean rising = count >= 3 && count * 2 >= previous * 3 && count > previous;
            List<HotIssue.Place> places = t.byVillage().entrySet().stream()
                    .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                    .map(e -> new HotIssue.Place(e.getKey(), villageNames.get(e.getKey()), e.getValue())).toList();
            out.add(new HotIssue(term, count, previous, rising, places, List.copyOf(t.cases()), t.points()));
        });
        out.sort(Comparator.comparingLong(HotIssue::count).reversed().thenComparing(HotIssue::term));
        return out.stream().filter(h -> h.count() >= 2).limit(top).toList();
    }

    /** The issues rising against the previous period, most grown first. */
    List<HotIssue> rising(String prefix, LocalDate from, LocalDate to, int top, Map<Long, String> villageNames) {
        return rising(find(prefix, from, to, Integer.MAX_VALUE, villageNames), top);
    }

    private static List<HotIssue> rising(List<HotIssue> all, int top) {
        return all.stream().filter(HotIssue::rising)
                .sorted(Comparator.comparingLong((HotIssue h) -> h.count() - h.previousCount()).reversed()
                        .thenComparing(HotIssue::term))
                .limit(top).toList();
    }

    private Map<String, Tally> tally(String prefix, LocalDate from, LocalDate to, Set<String> places) {
        Map<String, Tally> out = new HashMap<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer()) {
            reads.texts(prefix, from, to, text -> {
                for (String term : words(analyzer, text.text())) {
                    if (places.stream().anyMatch(p -> p.contains(term) || term.contains(p))) {
                        continue;
                    }
                    Tally t = out.computeIfAbsent(term, k -> new Tally(new LinkedHashSet<>(), new HashMap<>(),
                            new ArrayList<>()));
                    if (t.cases().add(text.id())) {
                        if (text.villageId() != null) {
                            t.byVillage().merge(text.villageId(), 1L, Long::sum);
                        }
                        if (text.lat() != null && text.lng() != null && t.points().size() < 500) {
                            t.points().add(new double[]{text.lat(), text.lng()});
                        }
                    }
                }
            });
        }
        return out;
    }

    /** The distinct words of a text worth counting. */
    static Set<String> words(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder singles = new StringBuilder();
        int singlesEnd = -1;
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                boolean single = w.codePointCount(0, w.length()) == 1 && Character.isIdeographic(w.codePointAt(0));
                if (single && FUNCTION_CHARS.contains(w)) {
                    keepRun(out, singles.toString());
                    singles.setLength(0);
                    continue;
                }
                if (single && (singles.isEmpty() || offset.startOffset() == singlesEnd)) {
                    singles.append(w);
                    singlesEnd = offset.endOffset();
                    continue;
                }
                keepRun(out, singles.toString());
                singles.setLength(0);
                if (single) {
                    singles.append(w);
                    singlesEnd = offset.endOffset();
                } else {
                    keep(out, w);
                }
            }
            keepRun(out, singles.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A run of single characters: two or three are one word (路灯, 卓庄村); a longer run is cut into two-character
     * words, most Chinese words having two (路灯不亮 → 路灯 / 不亮), the last three together when the run is odd.
     */
    private static void keepRun(Set<String> out, String run) {
        int n = run.codePointCount(0, run.length());
        if (n <= 3) {
            keep(out, run);
            return;
        }
        int[] cps = run.codePoints().toArray();
        int i = 0;
        while (i < n) {
            int len = n - i == 3 ? 3 : 2;
            keep(out, new String(cps, i, Math.min(len, n - i)));
            i += len;
        }
    }

    private static void keep(Set<String> out, String w) {
        if (w.codePointCount(0, w.length()) >= 2 && !GENERIC.contains(w)
                && !w.chars().allMatch(c -> Character.isDigit(c) || c < 128)) {
            out.add(w);
        }
    }
}
