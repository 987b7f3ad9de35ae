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
    // reasons are keys of i18n/finance.properties (finance.waybill.*), rendered by WaybillService

    static final int OUT_OF_LINE = 10;

    public record Waybill(int row, String number, String origin, String destination, BigDecimal freight, LocalDate shipped,
                          LocalDate received) {
    }

    /** A refused row: its number in the file (1 = first row after the header), the waybill number, the reason (a message key and its arguments). */
    public record Refusal(int row, String number, String reason, Object... args) {
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
                refused.add(new Refusal(rowNo, number, "finance.waybill.missing"));
                continue;
            }
            if (number.length() > 60) {
                refused.add(new Refusal(rowNo, number.substring(0, 60), "finance.waybill.number.long"));
                continue;
            }
            BigDecimal freight;
            try {
                freight = new BigDecimal(field(c, 3));
            } catch (NumberFormatException e) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.freight.nan", field(c, 3)));
                continue;
            }
            if (freight.signum() <= 0 || freight.stripTrailingZeros().scale() > 2 || freight.compareTo(new BigDecimal("1000000000")) >= 0) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.freight.invalid"));
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
                refused.add(new Refusal(rowNo, number, "finance.waybill.date.invalid"));
                continue;
            }
            if (!seen.add(number)) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.duplicate.file"));
                continue;
            }
            if (alreadyImported.contains(number)) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.duplicate.known"));
                continue;
            }
            if (field(c, 1).equals(field(c, 2))) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.route"));
                continue;
            }
            if (shipped.isAfter(today)) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.shipped.future"));
                continue;
            }
            if (received != null && (received.isBefore(shipped) || received.isAfter(today))) {
                refused.add(new Refusal(rowNo, number, "finance.waybill.received.invalid"));
                continue;
            }
            wellFormed.add(new Waybill(rowNo, number, field(c, 1), field(c, 2), freight.setScale(2), shipped, received));
        }
        List<Waybill> accepted = new ArrayList<>();
        BigDecimal median = median(wellFormed);
        for (Waybill w : wellFormed) {
            if (median != null && wellFormed.size() >= 3 && (w.freight().compareTo(median.multiply(BigDecimal.valueOf(OUT_OF_LINE))) > 0
                    || w.freight().multiply(BigDecimal.valueOf(OUT_OF_LINE)).compareTo(median) < 0)) {
                refused.add(new Refusal(w.row(), w.number(), "finance.waybill.freight.out-of-line",
                        w.freight().toPlainString(), median.toPlainString()));
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
