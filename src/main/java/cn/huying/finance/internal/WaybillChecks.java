package cn.huying.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross-checks of imported waybills 运单核验, a named policy: each row is 运单号, 起运地, 目的地, 运费（元）,
 * 发货日期, 签收日期 (may be empty: not yet received). A row is refused, with its reason in Chinese, when a field is
 * missing or malformed, the number repeats one in the file or one imported before (duplicate), the route is
 * impossible (origin = destination), the dates are impossible (shipped in the future, received before shipped or in
 * the future), or the freight charge is out of line (more than {@value #OUT_OF_LINE} times, or less than
 * 1/{@value #OUT_OF_LINE} of, the median of the file's well-formed rows).
 */
public final class WaybillChecks {

    static final int OUT_OF_LINE = 10;

    public record Waybill(int row, String number, String origin, String destination, BigDecimal freight, LocalDate shipped,
                          LocalDate received) {
    }

    /** A refused row: its number in the file (1 = first row after the header), the waybill number, the reason. */
    public record Refusal(int row, String number, String reason) {
    }

    public record Outcome(List<Waybill> accepted, List<Refusal> refused) {
    }

    private WaybillChecks() {
    }

    public static Outcome check(List<String[]> rows, Set<String> alreadyImported, LocalDate today) {
        List<Waybill> wellFormed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNo = i + 1;
            String[] c = rows.get(i);
            String number = field(c, 0);
            if (c.length < 5 || number.isEmpty() || field(c, 1).isEmpty() || field(c, 2).isEmpty() || field(c, 3).isEmpty()
                    || field(c, 4).isEmpty()) {
                refused.add(new Refusal(rowNo, number, "缺少必填项（运单号、起运地、目的地、运费、发货日期）"));
                continue;
            }
            if (number.length() > 60) {
                refused.add(new Refusal(rowNo, number.substring(0, 60), "运单号过长"));
                continue;
            }
            BigDecimal freight;
            try {
                freight = new BigDecimal(field(c, 3));
            } catch (NumberFormatException e) {
                refused.add(new Refusal(rowNo, number, "运费“" + field(c, 3) + "”不是金额"));
                continue;
            }
            if (freight.signum() <= 0 || freight.stripTrailingZeros().scale() > 2 || freight.compareTo(new BigDecimal("1000000000")) >= 0) {
                refused.add(new Refusal(rowNo, number, "运费须为正数、最多两位小数"));
                continue;
            }
            LocalDate shipped;
            LocalDate received = null;
            try {
                shipped = LocalDate.parse(field(c, 4).replace('/', '-'));
                if (!field(c, 5).isEmpty()) {
                    received = LocalDate.parse(field(c, 5).replace('/', '-'));
                }
            } catch (DateTimeParseException e) {
                refused.add(new Refusal(rowNo, number, "日期格式应为 yyyy-MM-dd"));
                continue;
            }
            if (!seen.add(number)) {
                refused.add(new Refusal(rowNo, number, "运单号在文件中重复"));
                continue;
            }
            if (alreadyImported.contains(number)) {
                refused.add(new Refusal(rowNo, number, "运单号已导入过"));
                continue;
            }
            if (field(c, 1).equals(field(c, 2))) {
                refused.add(new Refusal(rowNo, number, "起运地与目的地相同，路线不成立"));
                continue;
            }
            if (shipped.isAfter(today)) {
                refused.add(new Refusal(rowNo, number, "发货日期晚于今天"));
                continue;
            }
            if (received != null && (received.isBefore(shipped) || received.isAfter(today))) {
                refused.add(new Refusal(rowNo, number, "签收日期早于发货日期或晚于今天"));
                continue;
            }
            wellFormed.add(new Waybill(rowNo, number, field(c, 1), field(c, 2), freight.setScale(2), shipped, received));
        }
        List<Waybill> accepted = new ArrayList<>();
        BigDecimal median = median(wellFormed);
        for (Waybill w : wellFormed) {
            if (median != null && wellFormed.size() >= 3 && (w.freight().compareTo(median.multiply(BigDecimal.valueOf(OUT_OF_LINE))) > 0
                    || w.freight().multiply(BigDecimal.valueOf(OUT_OF_LINE)).compareTo(median) < 0)) {
                refused.add(new Refusal(w.row(), w.number(), "运费 " + w.freight().toPlainString() + " 元与本批运单中位数 "
                        + median.toPlainString() + " 元相差过大"));
            } else {
                accepted.add(w);
            }
        }
        refused.sort(java.util.Comparator.comparingInt(Refusal::row));
        return new Outcome(accepted, refused);
    }

    /** 信用等级 A/B/C/D from the volume, the months covered and the share of waybills signed for. */
    public static String grade(long waybills, long months, BigDecimal receiptRate) {
        if (waybills >= 100 && months >= 6 && receiptRate.compareTo(new BigDecimal("0.95")) >= 0) {
            return "A";
        }
        if (waybills >= 30 && months >= 3 && receiptRate.compareTo(new BigDecimal("0.90")) >= 0) {
            return "B";
        }
        if (waybills >= 5) {
            return "C";
        }
        return "D";
    }

    private static BigDecimal median(List<Waybill> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = rows.stream().map(Waybill::freight).sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
    }

    private static String field(String[] c, int i) {
        return i < c.length && c[i] != null ? c[i].strip() : "";
    }
}
