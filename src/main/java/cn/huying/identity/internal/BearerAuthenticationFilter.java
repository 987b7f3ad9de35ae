package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>} (people, from
 * {@code POST /api/auth/token}) or {@code X-API-Key: <key>} (systems). A credential that is
 * present but wrong is refused at once with 401; no credential leaves the request anonymous.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final TokenService tokens;
    private final ApiKeyService apiKeys;
    private final ProblemWriter problems;
    private final AuditLog audit;
    private final MessageSource messages;

    BearerAuthenticationFilter(TokenService tokens, ApiKeyService apiKeys, ProblemWriter problems, AuditLog audit,
                               MessageSource messages) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        Optional<CurrentUser> user = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = tokens.verify(authorization.substring(7).strip());
            if (user.isEmpty()) {
                audit.recordFor(null, AuditEvents.TOKEN_REJECTED, request.getRequestURI(), null);
                problems.write(response, HttpStatus.UNAUTHORIZED,
                        messages.getMessage("auth.token.invalid", null, Locale.SIMPLIFIED_CHINESE), request.getRequestURI());
                return;
            }
        } else if (apiKey != null && !apiKey.isBlank()) {
            user = apiKeys.verify(apiKey.strip());
            if (user.isEmpty()) {
                audit.recordFor(null, AuditEvents.APIKEY_REJECTED, request.getRequestURI(), null);
                problems.write(response, HttpStatus.UNAUTHORIZED,
                        messages.getMessage("auth.apikey.invalid", null, Locale.SIMPLIFIED_CHINESE), request.getRequestURI());
                return;
            }
        }
        if (user.isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(Authorities.authenticated(user.get()));
            SecurityContextHolder.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (user.isPresent()) {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
