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
import org.springframework.stereotype.Component;

/**
 * High-frequency common issues 高频共性问题 from the Chinese text (title and description) of the cases received in a
 * period: each text is cut into words by Lucene's smartcn analyzer (a hidden-Markov word segmenter with its own
 * dictionary, so "暖气管道漏水" gives 暖气 / 管道 / 漏水 rather than overlapping character pairs); a word counts once per
 * case; words of one character, numbers and the generic words of a report (反映, 问题, 群众 …) are left out. An issue
 * is rising when it occurs in at least three cases and in half as many again as in the previous period of the same
 * length.
 */
@Component
class HotIssueFinder {

    /** Words every report uses; they say nothing about what the issue is. */
    static final Set<String> GENERIC = Set.of("反映", "问题", "群众", "居民", "村民", "住户", "存在", "情况", "要求",
            "进行", "处理", "解决", "及时", "尽快", "发生", "没有", "无法", "不能", "影响", "希望", "相关", "部门", "工作",
            "已经", "目前", "一直", "多次", "现在", "今天", "请求", "请", "有人", "附近", "家中", "发现", "上报", "事件");

    private final FactReads reads;

    HotIssueFinder(FactReads reads) {
        this.reads = reads;
    }

    private record Tally(Set<Long> cases, Map<Long, Long> byVillage, List<double[]> points) {
    }

    List<HotIssue> find(String prefix, LocalDate from, LocalDate to, int top, Map<Long, String> villageNames) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, Tally> now = tally(prefix, from, to);
        Map<String, Tally> before = tally(prefix, from.minusDays(days), from.minusDays(1));
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
        return find(prefix, from, to, Integer.MAX_VALUE, villageNames).stream().filter(HotIssue::rising)
                .sorted(Comparator.comparingLong((HotIssue h) -> h.count() - h.previousCount()).reversed()
                        .thenComparing(HotIssue::term))
                .limit(top).toList();
    }

    private Map<String, Tally> tally(String prefix, LocalDate from, LocalDate to) {
        Map<String, Tally> out = new HashMap<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer()) {
            reads.texts(prefix, from, to, text -> {
                for (String term : words(analyzer, text.text())) {
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
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.codePointCount(0, w.length()) >= 2 && !GENERIC.contains(w) && !w.chars().allMatch(
                        c -> Character.isDigit(c) || c < 128)) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
