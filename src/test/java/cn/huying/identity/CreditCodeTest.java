package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the example printed with GB 32100-2015 explanations
            "91370214MA3C1234X2", // 企业 in 城阳区, check character a digit
            "91370214MA3N1A2B3N", // check character a letter
            "92370214MA3P4L5M6A", // 个体工商户
    })
    void aCodeWhoseCheckCharacterMatchesIsValid(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(new CreditCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "91370214MA3C1234X3", // wrong check character
            "91350100M000100Y4",  // 17 characters
            "91350100M000100Y430", // 19 characters
            "91350100M00O100Y43", // O is not in the character set
            "91350100I000100Y43", // I is not in the character set
            "9135A100M000100Y43", // the division code (3rd–8th) must be digits
            "91350100m000100y43", // lower case is not the code (parse upper-cases it)
            "",
    })
    void aMalformedOrMistypedCodeIsInvalid(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @Test
    void oneMistypedCharacterIsCaughtByTheCheckCharacter() {
        String valid = "91370214MA3N1A2B3N";
        for (int i = 0; i < 17; i++) {
            char typo = valid.charAt(i) == '7' ? '8' : '7';
            String mistyped = valid.substring(0, i) + typo + valid.substring(i + 1);
            assertThat(CreditCode.isValid(mistyped)).as(mistyped).isFalse();
        }
    }

    @Test
    void parseTakesTheCodeAsTypedAndRefusesABadOneWithItsReason() {
        assertThat(CreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> CreditCode.parse("91350100M000100Y44"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo("enterprise.credit-code.invalid");
                });
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void theTestCodesAreValid() {
        for (int i = 0; i < 50; i++) {
            assertThat(CreditCode.isValid(CreditCodes.unique())).isTrue();
        }
    }
}
