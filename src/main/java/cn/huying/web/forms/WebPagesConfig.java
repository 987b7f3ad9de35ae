package cn.huying.web.forms;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the double-submit guard for every page form, and the shell's model of every rendered page. */
@Configuration
class WebPagesConfig implements WebMvcConfigurer {

    private final FormGuard guard;
    private final HandlerInterceptor shellModel;

    WebPagesConfig(FormGuard guard, @org.springframework.beans.factory.annotation.Qualifier("shellModel")
            HandlerInterceptor shellModel) {
        this.guard = guard;
        this.shellModel = shellModel;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).excludePathPatterns("/api/**", "/open311/**");
        registry.addInterceptor(shellModel).excludePathPatterns("/api/**", "/open311/**");
    }
}
