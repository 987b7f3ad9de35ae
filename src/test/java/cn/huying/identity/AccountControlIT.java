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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 22: there was no way to cut a person off (no password change or reset, no role change, no disabling) and
 * tokens lived 8 hours. Each of these now ends every token and page session of the person at once.
 */
class AccountControlIT extends IntegrationTest {

    private static final String PASSWORD = "Correct#2026";

    @Autowired
    UserAccounts accounts;

    private long newUser(String name) {
        return accounts.create(new UserAccounts.NewUser(name, "测试用户", PASSWORD, Set.of(Roles.DISPATCHER),
                regionId("370481107"), null)).id();
    }

    private static String name() {
        return "a" + UUID.randomUUID().toString().substring(0, 8);
    }

    private int me(String token) {
        return http.get("/api/auth/me").bearer(token).send().status();
    }

    /** A browser signed in on the login page; {@code home()} answers 200 while its session lives. */
    private final class PageSession {
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        PageSession(String user) throws Exception {
            String page = get("/login").body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + csrf.group(1);
            browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        int home() throws Exception {
            return get("/").statusCode();
        }
    }

    @Test
    void aResetPasswordEndsEveryTokenAndSessionOfThePerson() throws Exception {
        String user = name();
        long id = newUser(user);
        List<String> tokens = List.of(login(user, PASSWORD), login(user, PASSWORD));
        PageSession page = new PageSession(user);
        assertThat(page.home()).isEqualTo(200);
        String bystander = login("leader", DEMO_PASSWORD);

        Http.Response reset = http.post("/api/users/" + id + "/password", Map.of("password", "Another#2026"))
                .bearer(token("admin")).send();
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        assertThat(tokens).allSatisfy(t -> assertThat(me(t)).isEqualTo(401));
        assertThat(page.home()).as("the page session ends").isEqualTo(302);
        assertThat(me(bystander)).as("other people keep theirs").isEqualTo(200);
        assertThat(http.post("/api/auth/token", Map.of("username", user, "password", PASSWORD)).send().status())
                .isEqualTo(401);
        assertThat(me(login(user, "Another#2026"))).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsOutAndItsRefusalLooksLikeAWrongPassword() {
        String user = name();
        long id = newUser(user);
        String token = login(user, PASSWORD);
        assertThat(http.post("/api/users/" + id + "/disable", Map.of()).bearer(token("admin")).send().status())
                .isEqualTo(200);
        assertThat(me(token)).isEqualTo(401);
        Http.Response refused = http.post("/api/auth/token", Map.of("username", user, "password", PASSWORD)).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).isEqualTo("用户名或密码错误");

        assertThat(http.post("/api/users/" + id + "/enable", Map.of()).bearer(token("admin")).send().status())
                .isEqualTo(200);
        assertThat(me(login(user, PASSWORD))).isEqualTo(200);
    }

    @Test
    void newRolesTakeEffectAtOnce() {
        String user = name();
        long id = newUser(user);
        String token = login(user, PASSWORD);
        Http.Response changed = http.put("/api/users/" + id + "/roles", Map.of("roles", List.of("LEADER")))
                .bearer(token("admin")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(me(token)).isEqualTo(401);
        String fresh = login(user, PASSWORD);
        assertThat(http.get("/api/auth/me").bearer(fresh).send().json().path("roles").toString())
                .contains("LEADER").doesNotContain("DISPATCHER");
        assertThat(http.put("/api/users/" + id + "/roles", Map.of("roles", List.of("NO_SUCH_ROLE")))
                .bearer(token("admin")).send().status()).isEqualTo(400);
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndSignsInAgain() {
        String user = name();
        newUser(user);
        String token = login(user, PASSWORD);
        Http.Response wrong = http.post("/api/auth/password", Map.of("currentPassword", "guess", "newPassword",
                "Another#2026")).bearer(token).send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("detail").asString()).contains("当前密码不正确");
        Http.Response tooLong = http.post("/api/auth/password", Map.of("currentPassword", PASSWORD, "newPassword",
                "密".repeat(25))).bearer(token).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(http.post("/api/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", "Another#2026"))
                .bearer(token).send().status()).isEqualTo(204);
        assertThat(me(token)).isEqualTo(401);
        assertThat(me(login(user, "Another#2026"))).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorCutsPeopleOff() {
        long id = newUser(name());
        assertThat(http.post("/api/users/" + id + "/disable", Map.of()).bearer(token("dispatcher")).send().status())
                .isEqualTo(403);
    }
}
