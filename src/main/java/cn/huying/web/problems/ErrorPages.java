package cn.huying.web.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers (errors no controller advice saw: an unknown path, a refused
 * upload size …), instead of Spring Boot's English JSON: under {@code /api} and {@code /open311} a problem document
 * with a Chinese {@code detail}, elsewhere the error page. {@code /error} asked for directly (no error behind it)
 * answers 404, not status 999 with a 500 (issue 22).
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (path.startsWith("/api/") || path.startsWith("/open311/")) {
            String key = switch (status) {
                case NOT_FOUND -> "problem.path.not-found";
                case METHOD_NOT_ALLOWED -> "problem.method.not-allowed";
                case UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, CONFLICT, PAYLOAD_TOO_LARGE,
                     UNSUPPORTED_MEDIA_TYPE -> "problem.request.refused";
                default -> status.is4xxClientError() ? "problem.request.refused" : "problem.server";
            };
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                    messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE));
            problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                    Locale.SIMPLIFIED_CHINESE));
            problem.setProperty("code", key);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
