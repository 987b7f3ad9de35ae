package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.analytics.DeadlineLedgerFilter;
import cn.huying.analytics.LedgerEntry;
import cn.huying.analytics.internal.DeadlineLedgers;
import cn.huying.cases.CaseKind;
import cn.huying.cases.internal.TimeLimitReads;
import cn.huying.cases.internal.TimeLimitRuleEditing;
import cn.huying.cases.internal.TimeLimitRules;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reads and writes behind the time-limit pages, on H2 and PostgreSQL (the browser tests run on
 * H2 only): ledgers with the screen's filters in the user's scope, the page-by-page walk of an
 * export and the .xlsx over a signed-in session, pending extensions with the deadline an approval
 * gives, the lights of a list, and a rule form that is refused once another version is published.
 */
class TimeLimitPagesIT extends IntegrationTest {

    @Autowired
    TimeLimitReads reads;

    @Autowired
    DeadlineLedgers ledgers;

    @Autowired
    TimeLimitRuleEditing editing;

    @Autowired
    TimeLimitRules rules;

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private long dispatched(String title) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "title", title, "description", title, "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        return id;
    }

    @Test
    void ledgersFilterInScopeAndTheExportWalksEveryPage() throws Exception {
        String tag = "消防通道堵塞" + UUID.randomUUID().toString().substring(0, 6);
        clock.set(at("2026-09-21T09:00:00+08:00"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(dispatched(tag + " " + i));
        }
        for (long id : ids) {
            act("handler", id, "accept", Map.of());
        }
        clock.set(at("2026-09-28T09:00:00+08:00"));
        Instant now = clock.instant();
        CurrentUser dispatcher = currentUser("dispatcher", "ledger:view", "extension:approve");
        DeadlineLedgerFilter mine = new DeadlineLedgerFilter(departmentId("MS-WYB"), CaseKind.LIVELIHOOD, tag);

        PageResult<LedgerEntry> page = ledgers.ledger("overdue", mine, dispatcher, new PageRequest(1, 2), now);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).hasSize(2).allSatisfy(e -> assertThat(e.title()).startsWith(tag));
        assertThat(ledgers.ledger("red", mine, dispatcher, new PageRequest(0, 20), now).total()).isEqualTo(5);
        assertThat(ledgers.ledger("yellow", mine, dispatcher, new PageRequest(0, 20), now).total()).isZero();
        assertThat(ledgers.ledger("overdue", new DeadlineLedgerFilter(null, CaseKind.DISPUTE, tag), dispatcher,
                new PageRequest(0, 20), now).total()).isZero();
        assertThat(ledgers.ledger("overdue", new DeadlineLedgerFilter(null, null, "%"), dispatcher,
                new PageRequest(0, 1), now).total()).as("a LIKE wildcard is text, not a pattern").isZero();
        assertThat(ledgers.ledger("overdue", new DeadlineLedgerFilter(departmentId("MS-SFS"), null, tag),
                dispatcher, new PageRequest(0, 20), now).total()).isZero();
        // a handler of another department sees none of them
        CurrentUser otherHandler = currentUser("handler-ms-sfs", "ledger:view");
        assertThat(ledgers.ledger("overdue", new DeadlineLedgerFilter(null, null, tag), otherHandler,
                new PageRequest(0, 20), now).total()).isZero();
        assertThatThrownBy(() -> ledgers.ledger("overdue", mine, currentUser("gumei"), new PageRequest(0, 20), now))
                .isInstanceOf(DomainException.class);

        List<String> walked = new ArrayList<>();
        long rows = ledgers.eachLedgerPage("overdue", mine, dispatcher, now,
                items -> items.forEach(e -> walked.add(e.code())));
        assertThat(rows).isEqualTo(5);
        assertThat(walked).hasSize(5).doesNotHaveDuplicates();

        Map<Long, TimeLimitReads.CaseDeadline> lights = reads.deadlines(ids, dispatcher);
        assertThat(lights).hasSize(5);
        assertThat(lights.values()).allSatisfy(d -> assertThat(d.light()).isEqualTo(cn.huying.cases.Light.RED));
        assertThat(reads.deadlines(ids, otherHandler)).as("out of scope").isEmpty();

        // the .xlsx over a signed-in session: the same filters, every row
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=dispatcher&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<byte[]> xlsx = browser.send(HttpRequest.newBuilder(URI.create(http.base()
                        + "/ledgers/overdue/export" + Http.query("departmentId", departmentId("MS-WYB"), "kind", "LIVELIHOOD",
                        "q", tag))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("类别：民生服务", tag);
            List<String> codes = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(codes).containsExactlyInAnyOrderElementsOf(walked);
        }
    }

    @Test
    void pendingExtensionsComeAPageAtATimeWithTheDeadlineAnApprovalGives() {
        clock.set(at("2026-09-21T09:00:00+08:00"));
        long id = dispatched("单元门禁损坏" + UUID.randomUUID().toString().substring(0, 6));
        clock.set(at("2026-09-23T15:00:00+08:00"));
        Http.Response asked = http.post("/api/cases/" + id + "/extensions", Map.of("workingDays", 3, "reason", "等配件"))
                .bearer(token("handler")).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        long extension = asked.json().path("id").asLong();
        CurrentUser leader = currentUser("leader", "extension:approve");
        List<TimeLimitReads.PendingExtension> all = new ArrayList<>();
        PageResult<TimeLimitReads.PendingExtension> first = reads.pendingExtensions(leader, new PageRequest(0, 200));
        all.addAll(first.items());
        assertThat(first.total()).isGreaterThanOrEqualTo(1);
        TimeLimitReads.PendingExtension mine = all.stream().filter(p -> p.extension().id() == extension).findFirst()
                .orElseThrow();
        assertThat(mine.departmentName()).isEqualTo("木石镇物业办");
        assertThat(mine.dueAt()).isEqualTo(at("2026-09-24T23:59:59+08:00"));
        // Fri 09-25 is 中秋节: Mon 09-28, Tue 09-29, Wed 09-30
        assertThat(mine.dueIfApproved()).isEqualTo(at("2026-09-30T23:59:59+08:00"));
        assertThatThrownBy(() -> reads.pendingExtensions(currentUser("handler", "ledger:view"), new PageRequest(0, 20)))
                .isInstanceOf(DomainException.class);
        assertThat(http.post("/api/cases/" + id + "/extensions/" + extension + "/refuse", Map.of("note", "不同意"))
                .bearer(token("dispatcher")).send().status()).isEqualTo(200);
        assertThat(reads.pendingExtensions(leader, new PageRequest(0, 200)).items())
                .noneMatch(p -> p.extension().id() == extension);
    }

    @Test
    void aRuleFormRenderedBeforeAnotherPublicationPublishesNothing() {
        int active = editing.activeVersion();
        int versions = rules.versions().size();
        assertThatThrownBy(() -> editing.publishOver(active - 1, rules.activeRules(), 24, "旧页面", "admin"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("rule.page.stale");
                });
        assertThat(rules.versions()).hasSize(versions);
        assertThat(editing.activeVersion()).isEqualTo(active);
    }
}
