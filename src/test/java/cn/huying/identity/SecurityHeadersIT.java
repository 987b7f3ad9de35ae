package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Issue 22: every page carries a Content-Security-Policy and a Referrer-Policy; the session cookie is SameSite. */
class SecurityHeadersIT extends IntegrationTest {

    @Test
    void pagesAllowScriptsOnlyFromTheServer() {
        Http.Response login = http.get("/login").send();
        assertThat(login.status()).isEqualTo(200);
        String csp = login.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'self'");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe");
        assertThat(login.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void theApiLoadsNothingAndSendsNoReferrer() {
        Http.Response r = http.get("/api/cases").bearer(token("dispatcher")).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
