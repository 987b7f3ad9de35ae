package cn.huying.web.pages;

import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refusals on pages shown as a Chinese error page with the right status. It matches every controller of any
 * module, REST ones too ({@code @RestController} is a {@code @Controller}); the REST advice
 * ({@code ApiProblemAdvice}, order 0) comes first for those and answers with a problem document. The signed-in
 * user {@code me} is added to rendered pages by {@link ShellModel}, not here, so an API call never looks it up.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageAdvice {

    private final CurrentUsers users;

    PageAdvice(CurrentUsers users) {
        this.users = users;
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
