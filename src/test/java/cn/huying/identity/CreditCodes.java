package cn.huying.identity;

import java.util.concurrent.ThreadLocalRandom;

/** Unique, valid 统一社会信用代码 for tests: 91 (enterprise), 370214 (城阳区), a random organisation code, the check. */
public final class CreditCodes {

    private CreditCodes() {
    }

    public static String unique() {
        StringBuilder sb = new StringBuilder("91370214");
        String chars = CreditCode.CHARSET;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
    }
}
