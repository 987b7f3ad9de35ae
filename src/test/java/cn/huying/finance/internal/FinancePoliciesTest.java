package cn.huying.finance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.finance.EngagementStatus;
import cn.huying.finance.GuaranteeType;
import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FinancePoliciesTest {

    @Test
    void theEngagementTableAllowsOnlyTheIssuesPath() {
        assertThat(EngagementStatus.TAKEN.nextByBank()).containsExactly(EngagementStatus.CONTACTED);
        assertThat(EngagementStatus.ASSIGNED.canMoveTo(EngagementStatus.LAPSED)).isTrue();
        assertThat(EngagementStatus.CONTACTED.canMoveTo(EngagementStatus.LAPSED)).isFalse();
        assertThat(EngagementStatus.UNDER_REVIEW.nextByBank()).containsExactlyInAnyOrder(EngagementStatus.APPROVED,
                EngagementStatus.REJECTED);
        assertThat(EngagementStatus.APPROVED.nextByBank()).containsExactly(EngagementStatus.CONTRACT_SIGNED);
        assertThat(EngagementStatus.DISBURSED.nextByBank()).isEmpty();
        assertThat(EngagementStatus.REJECTED.nextByBank()).isEmpty();
        assertThat(EngagementStatus.APPLIED.canMoveTo(EngagementStatus.DISBURSED)).isFalse();
        assertThat(Set.of(EngagementStatus.LAPSED, EngagementStatus.REJECTED)).allMatch(s -> !s.holdsSlot());
    }

    @Test
    void discountInterestIsFaceTimesRateTimesDaysOver360RoundedHalfUpToTheFen() {
        // 1,000,000 × 2.4 % × 90 / 360 = 6,000 exactly
        assertThat(Rates.discountInterest(new BigDecimal("1000000.00"), new BigDecimal("0.024"), 90)).isEqualByComparingTo("6000.00");
        // 100,000 × 2.35 % × 1 / 360 = 6.52777… → 6.53
        assertThat(Rates.discountInterest(new BigDecimal("100000.00"), new BigDecimal("0.0235"), 1)).isEqualTo(new BigDecimal("6.53"));
        // 10,000 × 1.8 % × 1 / 360 = 0.5 → 0.50; 333.33 × 3 % × 30 / 360 = 0.8333… → 0.83; 150 × 3 % × 1 / 360 = 0.0125 → 0.01
        assertThat(Rates.discountInterest(new BigDecimal("333.33"), new BigDecimal("0.03"), 30)).isEqualTo(new BigDecimal("0.83"));
        assertThat(Rates.discountInterest(new BigDecimal("150.00"), new BigDecimal("0.03"), 1)).isEqualTo(new BigDecimal("0.01"));
        // half up at exactly half a fen: 180 × 1 % × 1 / 360 = 0.005 → 0.01
        assertThat(Rates.discountInterest(new BigDecimal("180.00"), new BigDecimal("0.01"), 1)).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void ratesAboveTheCapAndMoneyWithFractionsOfAFenAreRefused() {
        BigDecimal cap = new BigDecimal("0.154");
        assertThat(Rates.rate(new BigDecimal("0.154"), cap, "r")).isEqualTo(new BigDecimal("0.154000"));
        assertThatThrownBy(() -> Rates.rate(new BigDecimal("0.1541"), cap, "r"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("finance.rate.above-cap"));
        assertThatThrownBy(() -> Rates.money(new BigDecimal("10.001"), "a")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Rates.money(new BigDecimal("-1"), "a")).isInstanceOf(DomainException.class);
        assertThat(Rates.money(new BigDecimal("1000000"), "a")).isEqualTo(new BigDecimal("1000000.00"));
    }

    @Test
    void matchingSuggestsProductsThatHoldTheNeedCheapestFirstWithReasons() {
        var credit = product(1, "物流e贷", "100000", "3000000", 6, 36, "0.0385", GuaranteeType.CREDIT);
        var mortgage = product(2, "按揭贷", "200000", "2000000", 12, 60, "0.0365", GuaranteeType.MORTGAGE);
        var small = product(3, "小额贷", "10000", "500000", 6, 36, "0.0300", GuaranteeType.CREDIT);
        var dear = product(4, "高息贷", "100000", "3000000", 6, 36, "0.0700", GuaranteeType.CREDIT);
        var s = MatchingPolicy.suggest(new BigDecimal("1000000"), 12, new BigDecimal("0.06"), GuaranteeType.PLEDGE,
                List.of(credit, mortgage, small, dear));
        assertThat(s).extracting(x -> x.product().name()).containsExactly("物流e贷"); // mortgage ≠ pledge, too small, too dear
        assertThat(s.get(0).reasons()).extracting(MatchingPolicy.Reason::key).contains("finance.match.amount",
                "finance.match.guarantee.credit");
        var m = MatchingPolicy.suggest(new BigDecimal("1000000"), 12, new BigDecimal("0.06"), GuaranteeType.MORTGAGE,
                List.of(credit, mortgage));
        assertThat(m).extracting(x -> x.product().name()).containsExactly("按揭贷", "物流e贷");
    }

    @Test
    void waybillChecksRefuseDuplicatesImpossibleRoutesAndDatesAndChargesOutOfLine() {
        LocalDate today = LocalDate.parse("2026-11-20");
        List<String[]> rows = List.of(
                new String[]{"A1", "青岛", "济南", "1000", "2026-11-01", "2026-11-02"},
                new String[]{"A2", "青岛", "潍坊", "1100", "2026-11-03", ""},
                new String[]{"A3", "青岛", "烟台", "1200", "2026-11-04", "2026-11-05"},
                new String[]{"A4", "青岛", "日照", "50", "2026-11-04", "2026-11-05"},
                new String[]{"A0", "青岛", "临沂", "1000", "2026-11-01", "2026-11-02"});
        var outcome = WaybillChecks.check(rows, Set.of("A0"), today);
        assertThat(outcome.accepted()).extracting(WaybillChecks.Waybill::number).containsExactly("A1", "A2", "A3");
        assertThat(outcome.refused()).extracting(WaybillChecks.Refusal::row).containsExactly(4, 5);
        assertThat(outcome.refused().get(0).reason()).isEqualTo("finance.waybill.freight.out-of-line");
        assertThat(outcome.refused().get(0).args()).containsExactly("50.00", "1050.00");
        assertThat(outcome.refused().get(1).reason()).isEqualTo("finance.waybill.duplicate.known");
        assertThat(WaybillChecks.grade(120, 8, new BigDecimal("0.97"))).isEqualTo("A");
        assertThat(WaybillChecks.grade(3, 1, BigDecimal.ONE)).isEqualTo("D");
    }

    private static ProductService.Product product(long id, String name, String min, String max, int tmin, int tmax, String rmin,
                                                  GuaranteeType g) {
        return new ProductService.Product(id, 1, "测试银行", name, new BigDecimal(min), new BigDecimal(max), tmin, tmax,
                new BigDecimal(rmin), new BigDecimal("0.10"), g, "按月付息", "城阳区", "");
    }
}
