package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 票据大厅: a bill listed, quoted by two banks that never see each other's quotes, matched; the interest checked by hand. */
class BillHallIT extends FinanceFixtures {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private JsonNode list(Party enterprise, String face, LocalDate maturity) {
        Http.Response r = http.post("/api/finance/bills", Map.of("billNo", unique("BILL-"), "acceptor", "青岛银行股份有限公司",
                "faceValue", face, "maturity", maturity.toString(), "askingRate", "0.0250")).bearer(as(enterprise.username())).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private Http.Response quote(Party bank, long bill, String rate) {
        return http.post("/api/finance/bills/" + bill + "/quotes", Map.of("rate", rate)).bearer(as(bank.username())).send();
    }

    @Test
    void aBillIsListedQuotedAndMatchedWithTheInterestAsComputedByHand() {
        clock.set(LocalDateTime.parse("2026-11-02T10:00:00").atZone(SHANGHAI).toInstant());
        Party sme = approvedEnterprise("青岛城阳票据测试物流有限公司" + unique(""));
        Party other = approvedEnterprise("青岛城阳另一家物流有限公司" + unique(""));
        Party a = bank("票据测试甲银行" + unique(""));
        Party b = bank("票据测试乙银行" + unique(""));
        JsonNode bill = list(sme, "1234567.89", LocalDate.parse("2027-02-07")); // 97 days after 2026-11-02
        long billId = bill.path("id").asLong();
        assertThat(http.get("/api/finance/bills").bearer(as(a.username())).send().json().findValues("id"))
                .anyMatch(id -> id.asLong() == billId);

        // by hand: 1,234,567.89 × 0.0237 × 97 / 360 = 7,883.744784… → 7,883.74 (half up to the fen)
        JsonNode qa = quote(a, billId, "0.0237").json();
        assertThat(qa.path("days").asInt()).isEqualTo(97);
        assertThat(qa.path("interest").decimalValue()).isEqualByComparingTo("7883.74");
        assertThat(qa.path("proceeds").decimalValue()).isEqualByComparingTo("1226684.15");
        // 1,234,567.89 × 0.0241 × 97 / 360 = 8,016.803767… → 8,016.80
        JsonNode qb = quote(b, billId, "0.0241").json();
        assertThat(qb.path("interest").decimalValue()).isEqualByComparingTo("8016.80");

        Http.Response aboveCap = quote(b, billId, "0.2000");
        assertThat(aboveCap.status()).isEqualTo(400);
        assertThat(aboveCap.json().path("detail").asString()).contains("20.00%", "上限");

        // each bank sees its own quote only; the enterprise sees both; another enterprise none
        assertThat(http.get("/api/finance/bills/" + billId + "/quotes").bearer(as(a.username())).send().json()
                .findValues("bankId")).extracting(JsonNode::asLong).containsExactly(a.id());
        assertThat(http.get("/api/finance/bills/" + billId + "/quotes").bearer(as(b.username())).send().json()
                .findValues("bankId")).extracting(JsonNode::asLong).containsExactly(b.id());
        assertThat(http.get("/api/finance/bills/" + billId + "/quotes").bearer(as(sme.username())).send().json()
                .findValues("bankId")).extracting(JsonNode::asLong).containsExactly(a.id(), b.id()); // cheapest first
        assertThat(http.get("/api/finance/bills/" + billId + "/quotes").bearer(as(other.username())).send().status())
                .isEqualTo(404);

        // the enterprise takes the cheaper quote: the intention goes to bank A, bank B's quote is declined
        Http.Response accepted = http.post("/api/finance/bills/" + billId + "/quotes/" + qa.path("id").asLong() + "/accept", null)
                .bearer(as(sme.username())).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(http.get("/api/finance/quotes/mine").bearer(as(a.username())).send().json().get(0).path("status").asString())
                .isEqualTo("ACCEPTED");
        assertThat(http.get("/api/finance/quotes/mine").bearer(as(b.username())).send().json().get(0).path("status").asString())
                .isEqualTo("DECLINED");
        assertThat(http.get("/api/finance/bills/mine").bearer(as(sme.username())).send().json().get(0).path("status").asString())
                .isEqualTo("MATCHED");
        assertThat(quote(b, billId, "0.0230").status()).isEqualTo(409);
    }

    @Test
    void aQuoteOnABillPastItsMaturityIsRefusedAndNothingIsWritten() {
        clock.set(LocalDateTime.parse("2026-11-02T10:00:00").atZone(SHANGHAI).toInstant());
        Party sme = approvedEnterprise("青岛城阳到期票据物流有限公司" + unique(""));
        Party bank = bank("到期票据测试银行" + unique(""));
        long billId = list(sme, "200000", LocalDate.parse("2026-11-03")).path("id").asLong();
        clock.advance(Duration.ofDays(2));
        Http.Response r = quote(bank, billId, "0.0240");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("已到期");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fin_bill_quote WHERE bill_id = ?").param(billId).query(Long.class).single()).isZero();
        assertThat(http.get("/api/finance/bills").bearer(as(bank.username())).send().json().findValues("id"))
                .noneMatch(id -> id.asLong() == billId);
    }
}
