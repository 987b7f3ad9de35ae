package cn.huying.residents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-digit resident identity card number 居民身份证号码 (GB 11643-1999): 6 digits of the address code,
 * 8 of the birth date, 3 of the sequence (odd for men) and the check digit of ISO 7064 MOD 11-2 ({@code 0-9} or
 * {@code X}).
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCardNumber() {
    }

    /** The number as stored: stripped, with an upper-case X. */
    public static String normalize(String number) {
        return number == null ? null : number.strip().toUpperCase(Locale.ROOT);
    }

    /** The check digit of the first 17 digits. */
    public static char checkDigit(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Whether the number has 18 characters, a real birth date not in the future, and the right check digit. */
    public static boolean valid(String number) {
        String n = normalize(number);
        if (n == null || n.length() != 18 || !n.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (birthDate(n).filter(d -> !d.isAfter(LocalDate.now()) && d.getYear() >= 1890).isEmpty()) {
            return false;
        }
        return checkDigit(n.substring(0, 17)) == n.charAt(17);
    }

    /** The birth date the number holds, if it is a date. */
    public static Optional<LocalDate> birthDate(String number) {
        String n = normalize(number);
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** {@code M} or {@code F}, from the parity of the 17th digit. */
    public static String gender(String number) {
        return (normalize(number).charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** A valid number from its first 17 digits (for synthetic demo data). */
    public static String complete(String first17) {
        return first17 + checkDigit(first17);
    }
}
