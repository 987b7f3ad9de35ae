package cn.huying.cases.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code java -jar huying.jar --verify-history[=all|<case code>|<region code>]} (issue 30): checks the
 * sealed history as the admin page does, prints its progress and every broken link, and exits with 0 when every
 * chain holds, 2 when a link is broken, 1 on an error. {@code HuyingApplication} starts such a run on a random local
 * port with the background jobs that write (search index, hotline sender, statistics) off.
 */
@Component
class HistoryCheckCommand implements ApplicationRunner {

    static final String OPTION = "verify-history";

    private final HistoryChecks checks;
    private final ApplicationContext context;

    HistoryCheckCommand(HistoryChecks checks, ApplicationContext context) {
        this.checks = checks;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        List<String> values = args.getOptionValues(OPTION);
        String what = values == null || values.isEmpty() || values.get(0).isBlank() ? "all" : values.get(0);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code;
        try {
            HistoryChecks.Scope scope = checks.scope(what, null);
            long started = System.nanoTime();
            HistoryChecks.Run run = checks.runNow(scope, "command line", r -> out.printf(
                    "history check: %d of %d cases, %d entries, %d broken%n", r.casesDone(), r.casesTotal(),
                    r.entries(), r.broken()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            run.breaks().forEach(b -> out.printf("BROKEN case %s, entry %d (id %s): %s%n", b.caseCode(), b.position(),
                    b.entryId() == null ? "-" : b.entryId(), b.fault()));
            out.printf("history check #%d of %s: %s — %d cases, %d entries (%d unsealed from before sealing), %d broken,"
                            + " %.1f s%n", run.id(), run.scopeName(), run.status(), run.casesDone(), run.entries(),
                    run.unsealed(), run.broken(), took.toMillis() / 1000.0);
            code = run.broken() == 0 ? 0 : 2;
        } catch (RuntimeException e) {
            out.println("history check failed: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
