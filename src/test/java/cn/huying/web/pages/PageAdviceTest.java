package cn.huying.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/** Every page controller gets the page advice ({@code me}, Chinese error pages); no REST controller does. */
class PageAdviceTest {

    private static List<Class<?>> controllers(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(annotation, false));
        return scan.findCandidateComponents("cn.huying").stream().<Class<?>>map(bd -> {
            try {
                return Class.forName(bd.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static boolean advised(Class<?> type) {
        String[] packages = PageAdvice.class.getAnnotation(ControllerAdvice.class).basePackages();
        return Arrays.stream(packages).anyMatch(p -> type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."));
    }

    @Test
    void everyPageControllerIsAdvisedAndNoRestControllerIs() {
        List<Class<?>> pages = controllers(Controller.class);
        List<Class<?>> apis = controllers(RestController.class);
        assertThat(pages).as("page controllers found").hasSizeGreaterThan(10);
        assertThat(apis).as("REST controllers found").hasSizeGreaterThan(10);
        assertThat(pages).allSatisfy(c -> assertThat(advised(c)).as(c.getName()).isTrue());
        assertThat(apis).allSatisfy(c -> assertThat(advised(c)).as(c.getName()).isFalse());
    }
}
