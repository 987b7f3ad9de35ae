package cn.huying.finance.web;

import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the finance pages share: a form action that redirects back with its refusal or its success notice. */
final class Forms {

    private Forms() {
    }

    /** Runs the action; a refusal goes back to the page as {@code problem}, a success as {@code doneKey}. */
    static String act(RedirectAttributes redirect, String back, String doneKey, Supplier<Object> action) {
        try {
            Object arg = action.get();
            redirect.addFlashAttribute("doneKey", doneKey);
            redirect.addFlashAttribute("doneArg", arg == null ? "" : String.valueOf(arg)); // no "1,234" for an id
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:" + back;
    }

    /** A rate typed as a percentage ("4.35") as the decimal the services take (0.0435); blank or malformed is null. */
    static BigDecimal percent(String typed) {
        BigDecimal v = decimal(typed);
        return v == null ? null : v.movePointLeft(2);
    }

    static BigDecimal decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("finance.page.number.invalid", typed);
        }
    }

    /** An amount typed in 万元 ("100" = 1,000,000 yuan). */
    static BigDecimal wan(String typed) {
        BigDecimal v = decimal(typed);
        return v == null ? null : v.movePointRight(4);
    }
}
