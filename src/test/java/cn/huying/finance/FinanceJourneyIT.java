package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.finance.internal.FirstContactSweep;
import cn.huying.support.Http;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The story over real HTTP: a logistics SME registers and is approved, posts a 1,000,000-yuan need; three
 * banks see it; two take it (the cap set to 2 leaves the third out); one misses its 3-working-day first contact —
 * across the National Day holiday — and loses the slot, which the third bank then takes; one approves and
 * disburses; the statistics show it.
 */
class FinanceJourneyIT extends FinanceFixtures {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    FirstContactSweep sweep;

    private void at(String localDateTime) {
        clock.set(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    @Test
    void anSmeIsFinancedByTheBankThatCalledInTimeAndTheLateBankLosesItsSlot() {
        String office = as("jrb");
        Map<String, Object> before = Map.of("bankCap", 3, "firstContactDays", 3, "rateCap", "0.154000");
        JsonNode settings = http.get("/api/finance/settings").bearer(office).send().json();
        try {
            assertThat(http.put("/api/finance/settings", Map.of("bankCap", 2, "firstContactDays", 3,
                    "rateCap", settings.path("rateCap").asString())).bearer(office).send().status()).isEqualTo(200);
            story();
        } finally {
            http.put("/api/finance/settings", Map.of("bankCap", settings.path("bankCap").asInt(), "firstContactDays",
                    settings.path("firstContactDays").asInt(), "rateCap", settings.path("rateCap").asString()))
                    .bearer(as("jrb")).send();
            assertThat(before).isNotEmpty();
        }
    }

    private void story() {
        at("2026-09-30T10:00:00"); // Wednesday before the National Day holiday (Oct 1–7; Oct 10 a make-up workday)
        Party sme = approvedEnterprise("青岛城阳速达冷链物流有限公司" + unique(""));
        Party fast = bank("城阳测试甲银行" + unique(""));
        Party late = bank("城阳测试乙银行" + unique(""));
        Party third = bank("城阳测试丙银行" + unique(""));

        JsonNode need = postNeed(sme, "1000000");
        long needId = need.path("id").asLong();
        assertThat(need.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(need.path("amount").decimalValue()).isEqualByComparingTo("1000000.00");

        // the enterprise sees matching products with their reasons
        JsonNode detail = http.get("/api/finance/needs/" + needId).bearer(as(sme.username())).send().json();
        JsonNode firstSuggestion = detail.path("suggestions").get(0);
        assertThat(firstSuggestion.path("reasons").toString()).contains("覆盖需求 100 万元", "不高于可接受利率 6.00%");

        // three banks see it
        for (Party bank : new Party[]{fast, late, third}) {
            assertThat(http.get("/api/finance/bank/needs").bearer(as(bank.username())).send().json().findValues("id"))
                    .as(bank.name()).anyMatch(id -> id.asLong() == needId);
        }

        // two take it; the third finds the cap reached
        Http.Response takenFast = http.post("/api/finance/needs/" + needId + "/take", null).bearer(as(fast.username())).send();
        assertThat(takenFast.status()).as(takenFast.toString()).isEqualTo(201);
        Http.Response takenLate = http.post("/api/finance/needs/" + needId + "/take", null).bearer(as(late.username())).send();
        assertThat(takenLate.status()).isEqualTo(201);
        Instant due = Instant.parse(takenLate.json().path("contactDue").asString());
        assertThat(due.atZone(SHANGHAI).toLocalDate()).hasToString("2026-10-10"); // 3 working days: Oct 8, 9 and 10
        Http.Response full = http.post("/api/finance/needs/" + needId + "/take", null).bearer(as(third.username())).send();
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().path("detail").asString()).contains("名额已满");
        assertThat(http.get("/api/finance/needs/" + needId).bearer(as(sme.username())).send().json()
                .path("need").path("status").asString()).isEqualTo("MATCHING");

        // the fast bank calls on the first working day after the holiday
        at("2026-10-08T09:30:00");
        long fastEngagement = takenFast.json().path("id").asLong();
        assertThat(advance(fast, fastEngagement, "CONTACTED", null).status()).isEqualTo(200);

        // a week of calendar days later, but within 3 working days, the sweep leaves the late bank alone
        at("2026-10-10T20:00:00");
        sweep.sweep();
        long lateEngagement = takenLate.json().path("id").asLong();
        assertThat(http.get("/api/finance/engagements/" + lateEngagement).bearer(as(late.username())).send().json()
                .path("engagement").path("status").asString()).isEqualTo("TAKEN");

        // the next morning its deadline has passed: the sweep lapses it and tells the office
        at("2026-10-11T09:00:00");
        sweep.sweep();
        sweep.sweep(); // a second run (or another node's) changes nothing
        JsonNode lapsed = http.get("/api/finance/engagements/" + lateEngagement).bearer(as(late.username())).send().json();
        assertThat(lapsed.path("engagement").path("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.path("steps").findValuesAsString("to")).containsExactly("TAKEN", "LAPSED");
        Http.Response tooLate = advance(late, lateEngagement, "CONTACTED", null);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(http.get("/api/finance/alerts").bearer(as("jrb")).send().json().findValues("engagementId"))
                .filteredOn(id -> id.asLong() == lateEngagement).hasSize(1);
        assertThat(http.get("/api/finance/alerts").bearer(as("jrb")).send().json().findValuesAsString("message"))
                .anyMatch(m -> m.contains(late.name()) && m.contains("名额已释放"));

        // the slot is open again: the third bank takes it
        assertThat(http.post("/api/finance/needs/" + needId + "/take", null).bearer(as(third.username())).send().status())
                .isEqualTo(201);

        // the fast bank goes through to the disbursement, every step recorded
        at("2026-10-12T10:00:00");
        for (String step : new String[]{"APPLIED", "UNDER_REVIEW"}) {
            assertThat(advance(fast, fastEngagement, step, null).status()).isEqualTo(200);
        }
        assertThat(advance(fast, fastEngagement, "CONTRACT_SIGNED", null).status()).isEqualTo(409); // not approved yet
        assertThat(advance(fast, fastEngagement, "APPROVED", "1000000.00").status()).isEqualTo(200);
        assertThat(advance(fast, fastEngagement, "CONTRACT_SIGNED", null).status()).isEqualTo(200);
        Http.Response over = advance(fast, fastEngagement, "DISBURSED", "1000000.01");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().path("detail").asString()).contains("放款金额不能超过批准金额");
        JsonNode disbursed = advance(fast, fastEngagement, "DISBURSED", "1000000").json();
        assertThat(disbursed.path("status").asString()).isEqualTo("DISBURSED");
        JsonNode steps = http.get("/api/finance/engagements/" + fastEngagement).bearer(as(sme.username())).send().json().path("steps");
        assertThat(steps.findValuesAsString("to")).containsExactly("TAKEN", "CONTACTED", "APPLIED", "UNDER_REVIEW", "APPROVED",
                "CONTRACT_SIGNED", "DISBURSED");
        JsonNode closed = http.get("/api/finance/needs/" + needId).bearer(as(sme.username())).send().json().path("need");
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closeReason").asString()).isEqualTo("PAID_OUT");

        // statistics for September–October: the office sees all three banks, each bank only itself
        JsonNode stats = http.get("/api/finance/stats?from=2026-09-01&to=2026-10-31").bearer(as("jrb")).send().json();
        assertThat(stats.path("needsPosted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("needsPickedUp").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode fastRow = row(stats, fast.id());
        assertThat(fastRow.path("engaged").asLong()).isEqualTo(1);
        assertThat(fastRow.path("avgFirstResponseHours").decimalValue()).isEqualByComparingTo("191.5"); // Sep 30 10:00 → Oct 8 09:30
        assertThat(fastRow.path("approvedAmount").decimalValue()).isEqualByComparingTo(new BigDecimal("1000000.00"));
        assertThat(fastRow.path("disbursedAmount").decimalValue()).isEqualByComparingTo(new BigDecimal("1000000.00"));
        assertThat(row(stats, late.id()).path("lapsed").asLong()).isEqualTo(1);
        assertThat(row(stats, third.id()).path("engaged").asLong()).isEqualTo(1);
        JsonNode own = http.get("/api/finance/stats?from=2026-09-01&to=2026-10-31").bearer(as(late.username())).send().json();
        assertThat(own.path("banks").findValues("bankId")).extracting(JsonNode::asLong).containsExactly(late.id());
    }

    private static JsonNode row(JsonNode stats, long bankId) {
        for (JsonNode b : stats.path("banks")) {
            if (b.path("bankId").asLong() == bankId) {
                return b;
            }
        }
        throw new AssertionError("no statistics row for bank " + bankId + ": " + stats);
    }
}
