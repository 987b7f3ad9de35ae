package cn.huying.shared;

/**
 * A module's own demo data (a bean of this type), loaded at start after the demo town when demo data is on
 * ({@code huying.demo=true}). It must be idempotent: a module that lands on a database already holding the
 * demo town adds its rows at the next start, and one whose tables already hold rows adds nothing.
 */
public interface DemoData {

    /** Order among the modules' demo data (smaller first), e.g. when one module's demo uses another's. */
    default int order() {
        return 0;
    }

    /** Loads the module's demo rows, in one transaction, unless they are there already. */
    void load();
}
