package cn.huying.shared;

import java.util.Arrays;

/**
 * A refusal by a business rule. Carries a message-bundle key (Chinese text lives in
 * {@code messages.properties}) and the kind of refusal, which decides the HTTP status.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps each to one HTTP status. */
    public enum Kind {
        /** 400: the input is malformed or fails validation. */
        INVALID,
        /** 404: not found, or outside the caller's data scope. */
        NOT_FOUND,
        /** 409: conflicts with the current state (duplicate, stale version, illegal transition). */
        CONFLICT,
        /** 403: the caller may not do this. */
        FORBIDDEN
    }

    private final Kind kind;
    private final String messageKey;
    /** Kept serializable (a page flashes a problem into the session, which is in the database): see {@link #portable}. */
    private final Object[] args;

    public DomainException(Kind kind, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = portable(args);
    }

    public static DomainException invalid(String key, Object... args) {
        return new DomainException(Kind.INVALID, key, args);
    }

    public static DomainException notFound(String key, Object... args) {
        return new DomainException(Kind.NOT_FOUND, key, args);
    }

    public static DomainException conflict(String key, Object... args) {
        return new DomainException(Kind.CONFLICT, key, args);
    }

    public static DomainException forbidden(String key, Object... args) {
        return new DomainException(Kind.FORBIDDEN, key, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * The arguments as the session can store them: strings, numbers and other serializable values as they are, anything
     * else by its text (a message argument is only ever shown).
     */
    static Object[] portable(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a == null || a instanceof java.io.Serializable ? a : String.valueOf(a);
        }
        return out;
    }
}
