package cn.huying.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The page advice matches every controller of every module by annotation, so that a new module's pages get the
 * Chinese error pages without the shell naming the module's package.
 */
class PageAdviceTest {

    @Test
    void thePageAdviceNamesNoModulePackage() {
        ControllerAdvice advice = PageAdvice.class.getAnnotation(ControllerAdvice.class);
        assertThat(advice.basePackages()).isEmpty();
        assertThat(advice.value()).isEmpty();
        assertThat(advice.annotations()).containsExactly(Controller.class);
    }
}
