package cn.huying.web.forms;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the double-submit guard for every page form. */
@Configuration
class WebPagesConfig implements WebMvcConfigurer {

    private final FormGuard guard;

    WebPagesConfig(FormGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).excludePathPatterns("/api/**", "/open311/**");
    }
}
