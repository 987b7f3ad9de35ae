package cn.huying;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Huying 呼应 — grassroots social governance platform. Its one clock is {@link PlatformClock}. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class HuyingApplication {

    public static void main(String[] args) {
        if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--verify-history") || a.startsWith("--verify-history="))) {
            // the history check as a command (issue 30): no port of its own to clash with the running node, and
            // none of the background jobs that write (docs/deployment.md)
            for (String[] p : new String[][] {{"server.port", "0"}, {"server.address", "127.0.0.1"},
                    {"huying.search.enabled", "false"}, {"huying.hotline.sender.enabled", "false"},
                    {"huying.stats.rollup-enabled", "false"}, {"huying.demo", "false"},
                    {"spring.main.banner-mode", "off"}}) {
                if (System.getProperty(p[0]) == null) {
                    System.setProperty(p[0], p[1]);
                }
            }
        }
        SpringApplication.run(HuyingApplication.class, args);
    }
}
