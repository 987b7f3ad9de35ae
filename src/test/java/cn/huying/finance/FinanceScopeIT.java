package cn.huying.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.identity.CreditCodes;
import cn.huying.support.Http;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scope across banks and enterprises, bad input answered in Chinese with nothing written, and the pools' ledgers. */
class FinanceScopeIT extends FinanceFixtures {

    @Test
    void banksNeverSeeAnotherBanksPipelineAndEnterprisesOnlyTheirOwn() {
        Party mine = approvedEnterprise("青岛城阳范围测试甲物流有限公司" + unique(""));
        Party theirs = approvedEnterprise("青岛城阳范围测试乙物流有限公司" + unique(""));
        Party a = bank("范围测试甲银行" + unique(""));
        Party b = bank("范围测试乙银行" + unique(""));
        long need = postNeed(mine, "500000").path("id").asLong();
        long engagement = http.post("/api/finance/needs/" + need + "/take", null).bearer(as(a.username())).send().json()
                .path("id").asLong();

        // another enterprise: not its need, not its engagement
        assertThat(http.get("/api/finance/needs/" + need).bearer(as(theirs.username())).send().status()).isEqualTo(404);
        assertThat(http.post("/api/finance/needs/" + need + "/withdraw", null).bearer(as(theirs.username())).send().status())
                .isEqualTo(404);
        assertThat(http.get("/api/finance/engagements/" + engagement).bearer(as(theirs.username())).send().status()).isEqualTo(404);
        assertThat(http.get("/api/finance/needs/mine").bearer(as(theirs.username())).send().json().findValues("id"))
                .noneMatch(id -> id.asLong() == need);

        // another bank sees the open need but not bank A's engagement, and cannot move it
        JsonNode seenByB = http.get("/api/finance/needs/" + need).bearer(as(b.username())).send().json();
        assertThat(seenByB.path("engagements").size()).isZero();
        assertThat(http.get("/api/finance/engagements/" + engagement).bearer(as(b.username())).send().status()).isEqualTo(404);
        assertThat(advance(b, engagement, "CONTACTED", null).status()).isEqualTo(404);
        assertThat(http.get("/api/finance/engagements").bearer(as(b.username())).send().json().findValues("id"))
                .noneMatch(id -> id.asLong() == engagement);
        assertThat(http.get("/api/finance/engagements").bearer(as(a.username())).send().json().findValues("id"))
                .anyMatch(id -> id.asLong() == engagement);
        // bank A sees its own engagement on the need
        assertThat(http.get("/api/finance/needs/" + need).bearer(as(a.username())).send().json().path("engagements")
                .findValues("id")).extracting(JsonNode::asLong).containsExactly(engagement);

        // a draft is the enterprise's alone
        long draft = http.post("/api/finance/needs", Map.of("purpose", "草稿", "amount", "100000", "termMonths", 6,
                "maxRate", "0.05", "guarantee", "CREDIT", "publish", false)).bearer(as(theirs.username())).send().json().path("id").asLong();
        assertThat(http.get("/api/finance/needs/" + draft).bearer(as(a.username())).send().status()).isEqualTo(404);
        assertThat(http.post("/api/finance/needs/" + draft + "/take", null).bearer(as(a.username())).send().status()).isEqualTo(404);
        assertThat(http.get("/api/finance/bank/needs").bearer(as(a.username())).send().json().findValues("id"))
                .noneMatch(id -> id.asLong() == draft);

        // roles: an enterprise may not take needs, a bank may not post them
        assertThat(http.post("/api/finance/needs/" + need + "/take", null).bearer(as(mine.username())).send().status()).isEqualTo(403);
        assertThat(http.post("/api/finance/needs", Map.of("purpose", "周转", "amount", "100000", "termMonths", 6,
                "maxRate", "0.05", "guarantee", "CREDIT", "publish", true)).bearer(as(a.username())).send().status()).isEqualTo(403);
        assertThat(http.get("/api/finance/stats?from=2026-01-01&to=2026-12-31").bearer(as(mine.username())).send().status())
                .isEqualTo(403);
    }

    @Test
    void theOfficeAssignsANeedARejectionFreesTheSlotAndTheOfficeClosesWhatFails() {
        Party sme = approvedEnterprise("青岛城阳分派测试物流有限公司" + unique(""));
        Party bank = bank("分派测试银行" + unique(""));
        long need = postNeed(sme, "800000").path("id").asLong();
        Http.Response assigned = http.post("/api/finance/needs/" + need + "/assign", Map.of("bankId", bank.id()))
                .bearer(as("jrb")).send();
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.json().path("status").asString()).isEqualTo("ASSIGNED");
        long engagement = assigned.json().path("id").asLong();
        assertThat(http.post("/api/finance/needs/" + need + "/assign", Map.of("bankId", bank.id())).bearer(as("jrb")).send()
                .status()).isEqualTo(409); // once per bank
        for (String step : new String[]{"CONTACTED", "APPLIED", "UNDER_REVIEW", "REJECTED"}) {
            assertThat(advance(bank, engagement, step, null).status()).as(step).isEqualTo(200);
        }
        JsonNode after = http.get("/api/finance/needs/" + need).bearer(as(sme.username())).send().json().path("need");
        assertThat(after.path("slotsHeld").asInt()).isZero();
        assertThat(http.post("/api/finance/needs/" + need + "/close", Map.of("reason", "WITHDRAWN")).bearer(as("jrb")).send()
                .status()).isEqualTo(400);
        JsonNode closed = http.post("/api/finance/needs/" + need + "/close", Map.of("reason", "FAILED")).bearer(as("jrb")).send().json();
        assertThat(closed.path("closeReason").asString()).isEqualTo("FAILED");
        assertThat(http.post("/api/finance/needs/" + need + "/take", null).bearer(as(bank("迟到银行" + unique("")).username()))
                .send().status()).isEqualTo(404); // a closed need is no longer open to other banks

        // the office's policy news is public
        String title = "测试政策资讯" + unique("");
        assertThat(http.post("/api/finance/news", Map.of("title", title, "body", "物流企业贷款贴息政策。")).bearer(as("jrb")).send()
                .status()).isEqualTo(201);
        assertThat(http.get("/api/public/finance/news").send().json().findValuesAsString("title")).contains(title);
        assertThat(http.get("/api/public/finance/products").send().json().findValuesAsString("name")).contains("物流e贷");
    }

    @Test
    void aPendingEnterpriseMayNotActAndBadInputIsRefusedInChineseWithNothingWritten() {
        String username = unique("pend");
        assertThat(http.post("/api/public/enterprises", Map.of("creditCode", CreditCodes.unique(), "name", "青岛待审核物流有限公司",
                "contactName", "孙立", "contactPhone", "13600002222", "consent", true, "username", username, "password", PW))
                .send().status()).isEqualTo(201);
        Http.Response pending = http.post("/api/finance/needs", Map.of("purpose", "周转", "amount", "100000", "termMonths", 6,
                "maxRate", "0.05", "guarantee", "CREDIT", "publish", true)).bearer(as(username)).send();
        assertThat(pending.status()).isEqualTo(403);
        assertThat(pending.json().path("detail").asString()).contains("尚未通过金融办审核");

        Party sme = approvedEnterprise("青岛城阳输入测试物流有限公司" + unique(""));
        Http.Response bad = http.post("/api/finance/needs", Map.of("purpose", "周转", "amount", "-5", "termMonths", 6,
                "maxRate", "0.25", "guarantee", "CREDIT", "publish", true)).bearer(as(sme.username())).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("amount", "maxRate");
        assertThat(bad.json().path("detail").asString()).contains("金额须大于 0", "超过金融办设定的上限 15.40%");
        assertThat(http.get("/api/finance/needs/mine").bearer(as(sme.username())).send().json().size()).isZero();
    }

    @Test
    void aPoolsBalanceIsTheSumOfItsEntriesAndAClaimBeyondTheCapIsRefused() throws Exception {
        String office = as("jrb");
        JsonNode risk = null;
        for (JsonNode p : http.get("/api/finance/pools").bearer(office).send().json()) {
            if (p.path("code").asString().equals("RISK")) {
                risk = p;
            }
        }
        assertThat(risk).isNotNull();
        long pool = risk.path("id").asLong();
        Party bank = bank("资金池测试银行" + unique(""));
        http.post("/api/finance/pools/" + pool + "/contributions", Map.of("amount", "2000000", "note", "测试注资")).bearer(office).send();
        BigDecimal start = balance(office, pool);
        long loan = http.post("/api/finance/pools/" + pool + "/loans", Map.of("bankId", bank.id(), "borrower", "青岛城阳违约测试物流有限公司",
                "principal", "1000000")).bearer(office).send().json().path("id").asLong();

        // ratio 0.5: a loss of 1,000,000 allows at most 500,000
        Http.Response beyond = http.post("/api/finance/pools/" + pool + "/loans/" + loan + "/claims",
                Map.of("loss", "1000000", "amount", "500000.01")).bearer(office).send();
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().path("detail").asString()).contains("超过可代偿上限 500000.00 元");
        assertThat(balance(office, pool)).isEqualByComparingTo(start);

        http.post("/api/finance/pools/" + pool + "/loans/" + loan + "/claims", Map.of("loss", "1000000", "amount", "500000"))
                .bearer(office).send();
        http.post("/api/finance/pools/" + pool + "/loans/" + loan + "/recoveries", Map.of("amount", "200000")).bearer(office).send();
        Http.Response tooMuch = http.post("/api/finance/pools/" + pool + "/loans/" + loan + "/recoveries", Map.of("amount", "300000.01"))
                .bearer(office).send();
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(balance(office, pool)).isEqualByComparingTo(start.subtract(new BigDecimal("300000")));

        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode e : http.get("/api/finance/pools/" + pool + "/entries").bearer(office).send().json()) {
            sum = sum.add(e.path("amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(balance(office, pool));

        // the ledger in Excel, re-read: every entry and the balance on the last row
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(http.base() + "/api/finance/pools/" + pool + "/ledger.xlsx"))
                .header("Authorization", "Bearer " + office).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("金额（元）");
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("余额合计");
            assertThat(new BigDecimal(last.getCell(4).getStringCellValue())).isEqualByComparingTo(balance(office, pool));
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(http.get("/api/finance/pools/" + pool + "/entries").bearer(office)
                    .send().json().size());
            Row claim = sheet.getRow(sheet.getLastRowNum() - 2);
            assertThat(claim.getCell(2).getStringCellValue()).isEqualTo("代偿");
        }
    }

    private BigDecimal balance(String office, long pool) {
        for (JsonNode p : http.get("/api/finance/pools").bearer(office).send().json()) {
            if (p.path("id").asLong() == pool) {
                return p.path("balance").decimalValue();
            }
        }
        throw new AssertionError("no pool " + pool);
    }
}
