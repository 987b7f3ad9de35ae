package cn.huying.mediation.internal;

import cn.huying.mediation.DisputeType;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the screens and the REST API send, and its checks (each bad field named, in Chinese). */
public final class DisputeInput {

    private DisputeInput() {
    }

    /** A party as entered. {@code side}: APPLICANT/RESPONDENT or 申请人/被申请人. */
    public record PartyInput(String side, String name, String idNumber, String phone) {
    }

    /**
     * A dispute to open: from a case ({@code caseId}) or directly (a walk-in, or the court's entrustment with
     * {@code courtMode} PRE_FILING 委派 / ENTRUSTED 委托 and the court's reference).
     */
    public record Open(Long caseId, String type, String title, String facts, String amountClaimed, Long regionId,
                       Long orgId, List<Long> mediatorIds, List<PartyInput> parties, String courtMode,
                       String courtReference) {

        public Open {
            mediatorIds = mediatorIds == null ? List.of() : List.copyOf(mediatorIds);
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    /** A meeting 调解会. {@code heldAt} as ISO date-time with offset, e.g. 2026-09-22T09:30:00+08:00. */
    public record Meeting(String heldAt, String place, String videoLink, String attendees, String minutes) {
    }

    /**
     * The outcome: SUCCEEDED with the agreement's terms, amount and performance deadline; FAILED or TERMINATED with
     * the routes left to the parties (ARBITRATION 仲裁, ADMINISTRATIVE 行政途径, LITIGATION 诉讼).
     */
    public record Outcome(String result, String terms, String amount, String performanceDue, String note,
                          List<String> routes) {

        public Outcome {
            routes = routes == null ? List.of() : List.copyOf(routes);
        }
    }

    static final Pattern ID_NUMBER = Pattern.compile("^\\d{17}[\\dXx]$");
    static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$");

    /** 仲裁、行政途径、诉讼: the routes a failed mediation leaves. */
    enum Route {
        ARBITRATION("申请仲裁"), ADMINISTRATIVE("通过行政途径解决"), LITIGATION("向人民法院提起诉讼");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /** An amount in yuan, scale 2: null when blank; a named error when not a number, negative or finer than fen. */
    static BigDecimal amount(String text, String field, InvalidInput.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(field, "mediation.amount.not-a-number", text);
            return null;
        }
        if (v.signum() < 0) {
            errors.add(field, "mediation.amount.negative", text);
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("999999999999.99")) > 0) {
            errors.add(field, "mediation.amount.invalid", text);
            return null;
        }
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    static DisputeType type(String text, InvalidInput.Collector errors) {
        if (text == null || text.isBlank()) {
            errors.add("type", "mediation.field.required", "纠纷类型");
            return null;
        }
        for (DisputeType t : DisputeType.values()) {
            if (t.name().equalsIgnoreCase(text.strip()) || t.label().equals(text.strip())) {
                return t;
            }
        }
        errors.add("type", "mediation.type.unknown", text);
        return null;
    }

    static LocalDate date(String text, String field, InvalidInput.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "mediation.date.invalid", text);
            return null;
        }
    }

    /** A date-time with an offset, or a local one in {@code zone} (the platform Clock's). */
    static java.time.Instant dateTime(String text, String field, java.time.ZoneId zone,
                                      InvalidInput.Collector errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "mediation.field.required", "调解时间");
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(field, "mediation.date.invalid", text);
                return null;
            }
        }
    }

    static String text(String value, String field, String label, int max, boolean required,
                       InvalidInput.Collector errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(field, "mediation.field.required", label);
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(field, "mediation.field.too-long", label, max);
            return null;
        }
        return v;
    }

    static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
