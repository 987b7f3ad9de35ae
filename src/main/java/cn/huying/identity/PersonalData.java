package cn.huying.identity;

/**
 * Personal data protection 个人信息保护 (PIPL): ID-card numbers and phone numbers are encrypted at
 * rest (AES-256-GCM) and masked in lists ({@code 370481********1234}, {@code 138****5678}).
 * Whoever shows one in full must be entitled by scope and must log the view with
 * {@link AuditLog} ({@code PII_VIEW}).
 */
public interface PersonalData {

    /** Encrypts a value for storage; {@code null} stays {@code null}. */
    String encrypt(String plain);

    /** Decrypts a stored value; {@code null} stays {@code null}. */
    String decrypt(String stored);

    /** {@code 13812345678} → {@code 138****5678}; other lengths keep the first 3 and last 4 where possible. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.strip();
        if (p.length() <= 4) {
            return "****";
        }
        if (p.length() < 8) {
            return "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    /** {@code 370481199001011234} → {@code 370481********1234}. */
    static String maskIdCard(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.length() < 11) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    /** A person's name shown in lists: the family name and a mask, e.g. {@code 赵**}. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String s = name.strip();
        return s.charAt(0) + "*".repeat(Math.max(1, s.length() - 1));
    }
}
