package cn.huying.bench;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 4's benchmark, once the time-limit code is on main: deadline computations per second of
 * {@code cn.huying.calendar.WorkingCalendar} and the time of one sweep over 1 million open cases.
 * Until then it says what is missing. {@link #overdueScreen} is the read benchmark's hook for the
 * overdue list.
 */
final class DeadlineBench {

    private DeadlineBench() {
    }

    static void run(Args args) throws Exception {
        try {
            Class.forName("cn.huying.calendar.WorkingCalendar");
        } catch (ClassNotFoundException e) {
            System.out.println("deadlines: cn.huying.calendar.WorkingCalendar is not on this branch yet; nothing measured");
            return;
        }
        System.out.println("deadlines: the working calendar is here, the sweep hook is not wired yet (see docs/benchmarks.md)");
    }

    /** The overdue list as a screen of {@link ReadsBench}, or {@code null} while cases have no stored deadline. */
    static ReadsBench.Screen overdueScreen(ConfigurableApplicationContext ctx) {
        return null;
    }
}
