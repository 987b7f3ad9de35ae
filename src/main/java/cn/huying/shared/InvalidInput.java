package cn.huying.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad input, field by field: every problem found is reported at once (400), each with the
 * field's name and a message-bundle key.
 */
public class InvalidInput extends DomainException {

    /** One bad field: its name (e.g. {@code title}, {@code attachments[1]}) and the message key and args. */
    public record FieldError(String field, String messageKey, Object[] args) implements java.io.Serializable {
        public FieldError {
            args = args == null ? new Object[0] : DomainException.portable(args);
        }
    }

    /** Serializable like the arguments: a page flashes the problem into the session, which is in the database. */
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(Kind.INVALID, "validation.failed", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects field errors and throws them together. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String messageKey, Object... args) {
            errors.add(new FieldError(field, messageKey, args));
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
