package cn.huying.web.pages;

import cn.huying.identity.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Adds the signed-in user {@code me} (null on public pages) to every page that is rendered, whichever module's
 * controller rendered it. Only a handler that renders a view has a {@link ModelAndView}: REST answers and
 * redirects are left alone.
 */
@Component
class ShellModel implements HandlerInterceptor {

    private final CurrentUsers users;

    ShellModel(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mv) {
        if (mv == null || mv.getView() instanceof RedirectView
                || (mv.getViewName() != null && mv.getViewName().startsWith("redirect:"))) {
            return;
        }
        if (!mv.getModel().containsKey("me")) {
            mv.addObject("me", users.current().orElse(null));
        }
    }
}
