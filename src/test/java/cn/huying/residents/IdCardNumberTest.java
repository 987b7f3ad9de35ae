package cn.huying.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdCardNumberTest {

    @Test
    void theCheckDigitOfTheStandardsExampleIsComputedAndChecked() {
        // GB 11643-1999's own example: 11010519491231002X
        assertThat(IdCardNumber.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.valid("11010519491231002X")).isTrue();
        assertThat(IdCardNumber.valid("11010519491231002x")).as("a lower-case x is the same number").isTrue();
    }

    @Test
    void aNumberWithAWrongCheckDigitIsRefused() {
        assertThat(IdCardNumber.valid("110105194912310021")).isFalse();
        String good = IdCardNumber.complete("37048119800101123");
        assertThat(IdCardNumber.valid(good)).isTrue();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertThat(IdCardNumber.valid(good.substring(0, 17) + wrong)).isFalse();
    }

    @Test
    void aNumberThatIsNotEighteenCharactersOrHasNoRealBirthDateIsRefused() {
        assertThat(IdCardNumber.valid(null)).isFalse();
        assertThat(IdCardNumber.valid("37048119800101")).isFalse();
        assertThat(IdCardNumber.valid("3704811980010112345")).isFalse();
        assertThat(IdCardNumber.valid(IdCardNumber.complete("37048119801301123"))).as("month 13").isFalse();
        assertThat(IdCardNumber.valid(IdCardNumber.complete("37048129800101123"))).as("born in 2980").isFalse();
        assertThat(IdCardNumber.valid("3704811980010112AB")).isFalse();
    }

    @Test
    void theBirthDateAndGenderAreReadFromTheNumber() {
        String man = IdCardNumber.complete("37048119800215123");
        assertThat(IdCardNumber.birthDate(man)).contains(java.time.LocalDate.of(1980, 2, 15));
        assertThat(IdCardNumber.gender(man)).isEqualTo("M");
        assertThat(IdCardNumber.gender(IdCardNumber.complete("37048119800215124"))).isEqualTo("F");
    }
}
