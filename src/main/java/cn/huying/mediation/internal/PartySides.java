package cn.huying.mediation.internal;

import java.util.Locale;

/** 申请人 APPLICANT / 被申请人 RESPONDENT: the sides of a dispute (given by name, or in Chinese). */
final class PartySides {

    static final String APPLICANT = "APPLICANT";
    static final String RESPONDENT = "RESPONDENT";

    private PartySides() {
    }

    /** The side's code, or null when unknown. */
    static String parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.equals("申请人") || t.toUpperCase(Locale.ROOT).equals(APPLICANT)) {
            return APPLICANT;
        }
        if (t.equals("被申请人") || t.toUpperCase(Locale.ROOT).equals(RESPONDENT)) {
            return RESPONDENT;
        }
        return null;
    }

    static String label(String side) {
        return APPLICANT.equals(side) ? "申请人" : "被申请人";
    }
}
