package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** People sign in on the Chinese login page; API clients take a bearer token; failures slow down and then lock. */
class LoginIT extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> browserGet(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> submitLogin(String username, String password) throws Exception {
        String page = browserGet("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String newUser() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new UserAccounts.NewUser(name, "测试用户", "Correct#2026", Set.of(Roles.DISPATCHER),
                regionId("370481107"), null));
        return name;
    }

    @Test
    void aDispatcherSignsInOnTheChineseLoginPageAndSeesTheirHomePage() throws Exception {
        HttpResponse<String> loginPage = browserGet("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("用户名").contains("密码").contains("登录");

        HttpResponse<String> submitted = submitLogin("dispatcher", DEMO_PASSWORD);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/");

        HttpResponse<String> home = browserGet("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("张敏");
    }

    @Test
    void aWrongPasswordOnTheLoginPageIsToldInChinese() throws Exception {
        HttpResponse<String> submitted = submitLogin(newUser(), "wrong-password");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(browserGet("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void pagesRedirectAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> home = browserGet("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anApiClientGetsAnExpiringBearerTokenAndUsesIt() {
        Http.Response r = http.post("/api/auth/token", Map.of("username", "leader", "password", DEMO_PASSWORD)).send();
        assertThat(r.status()).isEqualTo(200);
        String token = r.json().path("accessToken").asString();
        assertThat(r.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(r.json().path("expiresAt").asString()).isNotBlank();

        Http.Response me = http.get("/api/auth/me").bearer(token).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("displayName").asString()).isEqualTo("陈书记");
        assertThat(me.json().path("roles").toString()).contains("LEADER");

        clock.advance(Duration.ofHours(9));
        Http.Response expired = http.get("/api/auth/me").bearer(token).send();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("detail").asString()).isEqualTo("访问令牌无效或已过期，请重新获取");
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = login("leader", DEMO_PASSWORD);
        assertThat(http.delete("/api/auth/token").bearer(token).send().status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me").bearer(token).send().status()).isEqualTo(401);
    }

    @Test
    void theApiWithoutATokenAnswers401AsAProblem() {
        Http.Response r = http.get("/api/regions").send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        Http.Response bad = http.get("/api/regions").bearer("hyt_forged").send();
        assertThat(bad.status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresAreSlowedThenLockedAndEveryStepIsAudited() {
        String user = newUser();
        Map<String, String> wrong = Map.of("username", user, "password", "wrong");
        for (int i = 1; i <= 3; i++) {
            Http.Response r = http.post("/api/auth/token", wrong).send();
            assertThat(r.status()).as("failure " + i).isEqualTo(401);
            assertThat(r.json().path("detail").asString()).isEqualTo("用户名或密码错误");
        }
        // after 3 failures the next attempt must wait, even with the right password
        Http.Response throttled = http.post("/api/auth/token", Map.of("username", user, "password", "Correct#2026")).send();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.json().path("detail").asString()).contains("秒后再试");

        clock.advance(Duration.ofSeconds(3));
        assertThat(http.post("/api/auth/token", wrong).send().status()).isEqualTo(401); // 4th failure
        clock.advance(Duration.ofSeconds(5));
        Http.Response locked = http.post("/api/auth/token", wrong).send(); // 5th failure locks
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.json().path("detail").asString()).contains("账号已锁定");

        clock.advance(Duration.ofMinutes(5));
        Http.Response stillLocked = http.post("/api/auth/token", Map.of("username", user, "password", "Correct#2026")).send();
        assertThat(stillLocked.status()).isEqualTo(423);

        clock.advance(Duration.ofMinutes(11));
        Http.Response unlocked = http.post("/api/auth/token", Map.of("username", user, "password", "Correct#2026")).send();
        assertThat(unlocked.status()).isEqualTo(200);

        var events = jdbc.sql("SELECT event_type FROM audit_log WHERE username = ? ORDER BY id").param(user)
                .query(String.class).list();
        assertThat(events).contains("LOGIN_FAILURE", "LOGIN_THROTTLED", "ACCOUNT_LOCKED", "LOGIN_LOCKED", "LOGIN_SUCCESS");
    }

    @Test
    void passwordsAreStoredHashed() {
        String user = newUser();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(user).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("Correct#2026");
    }

    @Test
    void anAdminIssuesAnApiKeyThatActsAsItsAccountUntilRevoked() {
        long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'hotline'").query(Long.class).single();
        Http.Response issued = http.post("/api/api-keys", Map.of("userId", hotline, "name", "12345 热线"))
                .bearer(token("admin")).send();
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("key").asString();
        long id = issued.json().path("id").asLong();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(key).query(Long.class).single())
                .as("the key itself is not stored").isZero();

        Http.Response me = http.get("/api/auth/me").header("X-API-Key", key).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo("hotline");

        assertThat(http.delete("/api/api-keys/" + id).bearer(token("admin")).send().status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me").header("X-API-Key", key).send().status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminMayIssueApiKeys() {
        Http.Response r = http.post("/api/api-keys", Map.of("userId", 1, "name", "x")).bearer(token("dispatcher")).send();
        assertThat(r.status()).isEqualTo(403);
    }
}
