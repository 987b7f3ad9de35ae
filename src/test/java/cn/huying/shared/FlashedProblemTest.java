package cn.huying.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A page that fails flashes the problem to the next page, and the session (flash map included) is stored in the database
 * on every node: the problem must come back whole — its field errors and message arguments — not as nulls.
 */
class FlashedProblemTest {

    @Test
    void aFormProblemSurvivesTheDatabaseSessionWithItsFieldsAndArguments() throws Exception {
        Object notSerializable = new Object() {
            @Override
            public String toString() {
                return "木石镇";
            }
        };
        InvalidInput problem = new InvalidInput(java.util.List.of(
                new InvalidInput.FieldError("title", "validation.tooLong", new Object[] {200, notSerializable}),
                new InvalidInput.FieldError("amount", "validation.range", new Object[] {new BigDecimal("8000.00")})));

        InvalidInput back = (InvalidInput) roundTrip(problem);

        assertThat(back.errors()).extracting(InvalidInput.FieldError::field).containsExactly("title", "amount");
        assertThat(back.errors().get(0).args()).containsExactly(200, "木石镇");
        assertThat(back.errors().get(1).args()).containsExactly(new BigDecimal("8000.00"));
        assertThat(back.messageKey()).isEqualTo("validation.failed");
        assertThat(back.args()).containsExactly(2);
    }

    @Test
    void aDomainProblemKeepsItsArguments() throws Exception {
        DomainException back = (DomainException) roundTrip(DomainException.conflict("case.stale", "MS-20261207-0001"));
        assertThat(back.args()).containsExactly("MS-20261207-0001");
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
