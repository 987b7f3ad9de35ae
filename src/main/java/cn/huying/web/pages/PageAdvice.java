package cn.huying.web.pages;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * For every page: the signed-in user as {@code me} (null on public pages), and refusals shown as a
 * Chinese error page with the right status. REST controllers have their own advice, which comes first.
 *
 * <p>Pages live in each module's {@code web} package, REST controllers in its {@code api} package; the advice
 * names the page packages so that an API call does not look up {@code me} for a model it never renders
 * ({@code annotations = Controller.class} would match every {@code @RestController} too). {@code PageAdviceTest}
 * checks that every page controller is covered.
 */
@ControllerAdvice(basePackages = {"cn.huying.web.pages", "cn.huying.calendar.web", "cn.huying.cases.web",
        "cn.huying.identity.web", "cn.huying.region.web"})
@Order(Ordered.LOWEST_PRECEDENCE)
class PageAdvice {

    private final CurrentUsers users;

    PageAdvice(CurrentUsers users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.current().orElse(null);
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", e);
        model.addAttribute("me", users.current().orElse(null));
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("status", 413);
        model.addAttribute("messageKey", "page.error.too-large");
        model.addAttribute("me", users.current().orElse(null));
        return "error";
    }
}
