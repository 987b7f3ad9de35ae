package cn.huying.identity;

import cn.huying.shared.DomainException;

/**
 * 统一社会信用代码 — the unified social credit code of an organisation (GB 32100-2015): 18 characters from
 * {@code 0-9} and the capitals without I, O, Z, S, V; the 18th is a check character computed from the first 17
 * (weights 3^i mod 31, check = 31 − Σ mod 31, 31 → 0). Characters 3–8 are the registering authority's
 * administrative division code and therefore digits.
 *
 * @param value the code, upper case, without spaces
 */
public record CreditCode(String value) {

    /** The 31 characters of the code, in the order of their values 0–30. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw DomainException.invalid("enterprise.credit-code.invalid", value == null ? "" : value);
        }
    }

    /** A code as typed (spaces removed, letters upper-cased), or a 400 refusal naming it. */
    public static CreditCode parse(String typed) {
        return new CreditCode(typed == null ? null : typed.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the text is a well-formed code whose check character matches. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CHARSET.charAt(check);
    }

    /** The check character the first 17 characters call for (for building test and demo codes). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
