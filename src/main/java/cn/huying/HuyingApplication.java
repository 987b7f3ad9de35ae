package cn.huying;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Huying 呼应 — grassroots social governance platform. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class HuyingApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuyingApplication.class, args);
    }

    /** The one clock of the platform; tests replace it with a controllable one. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
