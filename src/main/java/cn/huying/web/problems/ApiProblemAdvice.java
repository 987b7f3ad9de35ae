package cn.huying.web.problems;

import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 ProblemDetail with real HTTP status codes and Chinese
 * text from the message bundle. Security refusals are not handled here: they reach the
 * security filter chain, which answers 401/403 and audits them.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(0) // before the page advice, which also matches REST controllers
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(e.messageKey(), e.args()));
        problem.setTitle(text("problem.title." + status.value()));
        problem.setProperty("code", e.messageKey());
        if (e instanceof InvalidInput invalid) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (InvalidInput.FieldError f : invalid.errors()) {
                errors.add(Map.of("field", f.field(), "message", text(f.messageKey(), f.args())));
            }
            problem.setProperty("errors", errors);
            problem.setDetail(errors.stream().map(m -> m.get("field") + "：" + m.get("message"))
                    .collect(Collectors.joining("；")));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("problem.stale"));
        problem.setTitle(text("problem.title.409"));
        problem.setProperty("code", "problem.stale");
        return problem;
    }

    /**
     * A write the database refused (a value longer than its column, a reference to a row that does not exist, a
     * duplicate) that no check before it caught: the client's input, so 400 (409 for a duplicate), not a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        // the client is told in general terms; the operator sees which constraint refused it
        org.slf4j.LoggerFactory.getLogger(ApiProblemAdvice.class).warn("请求被数据库拒绝：{}",
                e.getMostSpecificCause().getMessage());
        boolean duplicate = e instanceof DuplicateKeyException;
        HttpStatus status = duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        String key = duplicate ? "problem.data.duplicate" : "problem.data.invalid";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(key));
        problem.setTitle(text("problem.title." + status.value()));
        problem.setProperty("code", key);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("problem.parameter.invalid", e.getName(), String.valueOf(e.getValue())));
        problem.setTitle(text("problem.title.400"));
        problem.setProperty("code", "problem.parameter.invalid");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.body.unreadable"));
        problem.setTitle(text("problem.title.400"));
        problem.setProperty("code", "problem.body.unreadable");
        String field = fieldOf(ex.getCause());
        if (field != null) {
            // the field whose value could not be read ("lat": "abc"), named as for any other invalid field
            String message = text("problem.body.field-type");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            problem.setDetail(field + "：" + message);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the value Jackson could not read, e.g. {@code lat} or {@code parties[1].phone}; null if none. */
    static String fieldOf(Throwable cause) {
        if (!(cause instanceof tools.jackson.core.JacksonException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference ref : jackson.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("problem.parameter.missing", ex.getParameterName()));
        problem.setTitle(text("problem.title.400"));
        problem.setProperty("code", "problem.parameter.missing");
        return ResponseEntity.badRequest().body(problem);
    }
}
