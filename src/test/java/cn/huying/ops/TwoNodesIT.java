package cn.huying.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huying.support.ChildApp;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import cn.huying.support.Multipart;
import cn.huying.support.TestDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30: two application nodes on one PostgreSQL database, each a JVM of its own with its own port and data
 * directory (nothing shared in memory), and requests alternating between them as a load balancer without sticky
 * sessions would send them: a form session started on A goes on on B (login with A's CSRF token, pages on both);
 * an attachment written on A is read on B; a case filed on A is found by B's search; a key revoked on A is refused
 * on B at the next call; the portal's limit counts wrong follow-ups made on both; cases filed alternately, each sent
 * twice (once to each node, with one Idempotency-Key), are neither lost nor doubled; a third node with another
 * personal-data key refuses to start. Only in the PostgreSQL run (H2 is one process's file).
 */
class TwoNodesIT extends IntegrationTest {

    private static final int CASES = 40;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the children's logs
    Path dir;

    @Test
    void twoNodesOnOneDatabaseAgree() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "two nodes need a database server: the PostgreSQL run only");
        ChildApp a = ChildApp.start(dir.resolve("a"), "a", "--huying.search.poll-interval=200ms");
        ChildApp b = ChildApp.start(dir.resolve("b"), "b", "--huying.search.poll-interval=200ms");
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        ChildApp c = ChildApp.start(dir.resolve("c"), "c", "--huying.pii.key=" + Base64.getEncoder().encodeToString(otherKey));
        try {
            Http nodeA = a.awaitUp();
            Http nodeB = b.awaitUp();

            formSessionGoesOnOnTheOtherNode(a, b);
            String adminA = login(nodeA, "admin");
            attachmentWrittenOnAIsReadOnB(nodeA, nodeB);
            searchOnBFindsACaseFiledOnA(nodeA, nodeB);
            revocationOnAHoldsOnB(nodeA, nodeB, adminA);
            portalLimitCountsTriesOnBothNodes(a, b);
            casesFiledAlternatelyAreNeitherLostNorDoubled(nodeA, nodeB);

            assertThat(c.process().waitFor(3, TimeUnit.MINUTES)).as("the node with another key stops").isTrue();
            assertThat(c.process().exitValue()).isNotZero();
            assertThat(c.logText()).contains("huying.pii.key").contains("HUYING_PII_KEY").contains("密钥")
                    .contains("does not match");
        } finally {
            a.stop();
            b.stop();
            c.process().destroyForcibly();
        }
    }

    private static String login(Http node, String user) {
        Http.Response r = node.post("/api/auth/token", Map.of("username", user, "password", DEMO_PASSWORD)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }

    /** A browser whose cookies go to both nodes (cookies do not name a port), as behind one address. */
    private static final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        static String csrf(String page) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1);
        }
    }

    private void formSessionGoesOnOnTheOtherNode(ChildApp a, ChildApp b) throws Exception {
        Browser browser = new Browser();
        // the login form from A, sent to B with A's CSRF token: the session (and its token) is in the database
        String token = Browser.csrf(browser.get(a.base() + "/login").body());
        HttpResponse<String> signedIn = browser.post(b.base() + "/login",
                Map.of("username", "dispatcher", "password", DEMO_PASSWORD, "_csrf", token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get(a.base() + "/").statusCode()).as("the home page on A").isEqualTo(200);
        assertThat(browser.get(b.base() + "/work/TO_REGISTER").statusCode()).as("a queue on B").isEqualTo(200);
        // the phone page on A, then sign out on B: the session ends on both
        assertThat(browser.get(a.base() + "/m/cases").statusCode()).isIn(200, 403);
        String page = browser.get(a.base() + "/").body();
        assertThat(browser.post(b.base() + "/logout", Map.of("_csrf", Browser.csrf(page))).statusCode()).isEqualTo(302);
        assertThat(browser.get(a.base() + "/").statusCode()).as("signed out everywhere").isEqualTo(302);
    }

    private void attachmentWrittenOnAIsReadOnB(Http nodeA, Http nodeB) {
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        Multipart form = new Multipart()
                .json("case", Map.of("category", "LIVE_HEATING", "description", "两节点：照片", "lat", p[0], "lng", p[1]))
                .file("files", "现场.png", "image/png", Multipart.tinyPng());
        Http.Response r = nodeA.post("/api/cases", form.body()).contentType(form.contentType())
                .bearer(login(nodeA, "gumei")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long attachment = r.json().path("detail").path("attachments").get(0).path("id").asLong();
        Http.Response file = nodeB.get("/api/attachments/" + attachment).bearer(login(nodeB, "gumei")).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("image/png");
        assertThat(file.header("Content-Length")).isEqualTo(Integer.toString(Multipart.tinyPng().length));
    }

    /** The town's dispatcher reports on A and searches on B (an administrator has no case permissions: 403). */
    private void searchOnBFindsACaseFiledOnA(Http nodeA, Http nodeB) {
        String dispatcherA = login(nodeA, "dispatcher");
        String dispatcherB = login(nodeB, "dispatcher");
        String word = "两节点检索" + UUID.randomUUID().toString().substring(0, 6);
        double[] p = pointIn("木石村第一网格第1单元");
        Http.Response filed = nodeA.post("/api/cases", Map.of("category", "LIVE_SANITATION",
                "description", word + "：路边垃圾", "lat", p[0], "lng", p[1])).bearer(dispatcherA).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String code = filed.json().path("code").asString();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(nodeB.get("/api/cases?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).bearer(dispatcherB)
                        .send().body()).contains(code));
    }

    private void revocationOnAHoldsOnB(Http nodeA, Http nodeB, String adminA) {
        long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'hotline'").query(Long.class).single();
        Http.Response issued = nodeA.post("/api/api-keys", Map.of("userId", hotline, "name", "两节点吊销")).bearer(adminA)
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.json().path("key").asString();
        assertThat(nodeB.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(200);
        assertThat(nodeA.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(200);
        assertThat(nodeA.delete("/api/api-keys/" + issued.json().path("id").asLong()).bearer(adminA).send().status())
                .isIn(200, 204);
        assertThat(nodeB.get("/api/auth/me").header("X-API-Key", key).send().status()).as("revoked on A, used on B")
                .isEqualTo(401);
        assertThat(nodeA.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(401);
    }

    private void portalLimitCountsTriesOnBothNodes(ChildApp a, ChildApp b) throws Exception {
        // this address's failures of earlier tests in the run would count too: start from none
        jdbc.sql("DELETE FROM follow_up_failure").update();
        Browser citizen = new Browser();
        String[] nodes = {a.base(), b.base()};
        for (int i = 0; i < 10; i++) {
            String node = nodes[i % 2];
            String page = citizen.get(node + "/portal").body();
            HttpResponse<String> r = citizen.post(node + "/portal/follow", Map.of("code",
                    "MS-20200101-" + String.format("%04d", 9000 + i), "last4", "0000", "_csrf", Browser.csrf(page)));
            assertThat(r.body()).as("try " + (i + 1) + " on " + node).contains("编号或手机号后四位不正确");
        }
        for (String node : nodes) {
            String page = citizen.get(node + "/portal").body();
            HttpResponse<String> r = citizen.post(node + "/portal/follow",
                    Map.of("code", "MS-20200101-9999", "last4", "0000", "_csrf", Browser.csrf(page)));
            assertThat(r.body()).as("the 11th try on " + node).contains("查询失败次数过多");
        }
        jdbc.sql("DELETE FROM follow_up_failure").update();
    }

    private void casesFiledAlternatelyAreNeitherLostNorDoubled(Http nodeA, Http nodeB) throws Exception {
        String tokenA = login(nodeA, "dispatcher");
        String tokenB = login(nodeB, "dispatcher");
        double[] p = pointIn("木石村第一网格第1单元");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Set<Long>>> results = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                // each report sent to one node, then again to the other (a retry after a lost answer)
                Map<String, Object> body = Map.of("category", "LIVE_SANITATION", "description",
                        "两节点交替 " + batch + " #" + n, "lat", p[0], "lng", p[1]);
                String key = batch + "-" + n;
                Http first = n % 2 == 0 ? nodeA : nodeB;
                Http second = n % 2 == 0 ? nodeB : nodeA;
                Http.Response r1 = first.post("/api/cases", body).bearer(first == nodeA ? tokenA : tokenB)
                        .header("Idempotency-Key", key).send();
                Http.Response r2 = second.post("/api/cases", body).bearer(second == nodeA ? tokenA : tokenB)
                        .header("Idempotency-Key", key).send();
                assertThat(r1.status()).as(r1.toString()).isEqualTo(201);
                assertThat(r2.status()).as(r2.toString()).isEqualTo(200);
                // Set.of refuses equal elements, and equal ids are what is expected
                return Set.copyOf(List.of(r1.json().path("id").asLong(), r2.json().path("id").asLong()));
            }));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Set<Long>> f : results) {
            Set<Long> pair = f.get(2, TimeUnit.MINUTES);
            assertThat(pair).as("both answers name one case").hasSize(1);
            ids.addAll(pair);
        }
        pool.shutdown();
        assertThat(ids).hasSize(CASES);
        long stored = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description LIKE ?").param("两节点交替 " + batch + " #%")
                .query(Long.class).single();
        assertThat(stored).as("0 lost, 0 doubled").isEqualTo(CASES);
    }
}
