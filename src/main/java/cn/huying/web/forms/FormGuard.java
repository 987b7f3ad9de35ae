package cn.huying.web.forms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A double click submits once. Every page form carries a token made when the form was rendered
 * ({@code _formToken}, from {@code ${@formTokens.next()}}); the first POST with a token runs, and
 * any later POST with the same token in the same session is answered with the first one's redirect
 * instead of running again. A POST that did not end in a redirect (the form came back with
 * errors) frees its token, so the corrected form can be sent.
 *
 * <p>The tokens are kept on this node, per session id, not in the session: the session lives in the database
 * (issue 30) and each request reads its own copy of it, so two requests of a double click would not see each
 * other's token there. With several nodes, the reverse proxy sends a session's requests to one node while it is up
 * (docs/deployment.md); a double click split across two nodes runs twice, and the case intake still files one case
 * (the form token is its {@code Idempotency-Key}).
 */
@Component("formTokens")
public class FormGuard implements HandlerInterceptor {

    static final String PARAM = "_formToken";
    private static final String PENDING = "";
    private static final int REMEMBERED = 64;
    private static final long WAIT_MILLIS = 10_000;

    private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, String>> bySession =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterAccess(java.time.Duration.ofHours(1)).build();

    /** A fresh token for a form being rendered. */
    public String next() {
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String token = token(request);
        if (token == null) {
            return true;
        }
        Map<String, String> seen = seen(request.getSession());
        String outcome;
        synchronized (seen) {
            outcome = seen.get(token);
            if (outcome == null) {
                seen.put(token, PENDING);
                return true;
            }
            long until = System.currentTimeMillis() + WAIT_MILLIS;
            while (PENDING.equals(outcome) && System.currentTimeMillis() < until) {
                seen.wait(250);
                outcome = seen.get(token);
            }
        }
        String target = outcome == null || outcome.isEmpty() ? refererOr(request) : outcome;
        response.sendRedirect(target);
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        String token = token(request);
        if (token == null) {
            return;
        }
        String view = mav == null ? null : mav.getViewName();
        String redirect = view != null && view.startsWith("redirect:")
                ? request.getContextPath() + view.substring("redirect:".length()) : null;
        finish(request, token, redirect);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        String token = token(request);
        if (token != null && ex != null) {
            finish(request, token, null);
        }
    }

    private void finish(HttpServletRequest request, String token, String redirect) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Map<String, String> seen = seen(session);
        synchronized (seen) {
            if (redirect == null) {
                seen.remove(token);
            } else {
                seen.put(token, redirect);
            }
            seen.notifyAll();
        }
    }

    private static String token(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String t = request.getParameter(PARAM);
        return t == null || t.isBlank() || t.length() > 64 ? null : t;
    }

    private static String refererOr(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        return referer != null ? referer : request.getContextPath() + "/";
    }

    private Map<String, String> seen(HttpSession session) {
        return bySession.get(session.getId(), id -> new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
