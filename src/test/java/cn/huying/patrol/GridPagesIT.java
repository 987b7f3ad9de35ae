package cn.huying.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The grid pages over a signed-in session: the phone hub, patrol and visit forms, the house page with the audited
 * full view, the registry list with per-grid counts; the page's own POSTs honour Idempotency-Key; the web app's
 * manifest and service worker are served without login with the scope header.
 */
class GridPagesIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    /** A browser's session: cookies, and the CSRF token of the last page read. */
    private final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Session(String user) throws Exception {
            get("/login");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                            + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> postJson(String path, String form, String key) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .header("Idempotency-Key", key).header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void thePhonePagesShowHerGridAndTheirPostsAreNotDoubled() throws Exception {
        Session gumei = new Session("gumei");
        HttpResponse<String> hub = gumei.get("/m/grid");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body()).contains("近期应走访").contains("独居老人").contains("rel=\"manifest\"")
                .contains("/js/grid-offline.js").contains("不打卡");
        assertThat(gumei.get("/m/grid?q=11号楼").body()).contains("凤翔小镇社区11号楼1单元101室");
        HttpResponse<String> form = gumei.get("/m/patrol");
        assertThat(form.body()).contains("上午巡查").contains("下午巡查").contains("凤翔小镇社区11号楼1单元101室")
                .contains("供暖管道维修").doesNotContain("卓庄村");
        assertThat(gumei.get("/m/visit").body()).contains("走访对象");

        String key = UUID.randomUUID().toString();
        String body = "shift=AFTERNOON&finding=" + URLEncoder.encode("楼道灯不亮 " + key, StandardCharsets.UTF_8);
        HttpResponse<String> first = gumei.postJson("/m/patrol", body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("已记录巡查");
        assertThat(gumei.postJson("/m/patrol", body, key).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol WHERE idempotency_key = ?").param(key).query(Long.class)
                .single()).isEqualTo(1);
        HttpResponse<String> refused = gumei.postJson("/m/patrol", "toCase=true&finding=x&category=",
                UUID.randomUUID().toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("请选择事件分类");
    }

    @Test
    void theHousePageShowsMaskedPeopleAndTheFullViewIsAudited() throws Exception {
        Session gumei = new Session("gumei");
        long house = jdbc.sql("SELECT id FROM res_house WHERE address = '凤翔小镇社区11号楼1单元101室'").query(Long.class)
                .single();
        HttpResponse<String> page = gumei.get("/residents/houses/" + house);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("凤翔小镇社区11号楼1单元101室").containsPattern("\\d{6}\\*{8}[\\dX]{4}")
                .doesNotContainPattern("\\b\\d{17}[\\dX]\\b");
        long person = jdbc.sql("SELECT m.person_id FROM res_member m JOIN res_household h ON h.id = m.household_id"
                + " WHERE h.house_id = ? AND m.move_out IS NULL ORDER BY m.id").param(house).query(Long.class).list().get(0);
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?")
                .param("resident:" + person).query(Long.class).single();
        HttpResponse<String> full = gumei.get("/residents/persons/" + person + "/full");
        assertThat(full.body()).containsPattern("\\d{17}[\\dX]").contains("已记录查看");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = 'PII_VIEW' AND target = ?")
                .param("resident:" + person).query(Long.class).single()).isEqualTo(before + 1);
        long outside = jdbc.sql("SELECT id FROM res_house WHERE address LIKE '卓庄村%' ORDER BY id").query(Long.class)
                .list().get(0);
        assertThat(gumei.get("/residents/houses/" + outside).statusCode()).isEqualTo(404);

        Session town = new Session("dispatcher");
        HttpResponse<String> list = town.get("/residents");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("各网格房屋与关爱对象").contains("凤翔小镇社区第一网格第1单元").contains("卓庄村第一网格");
        assertThat(town.get("/residents?view=houses&use=RENTED").body()).contains("出租");
        assertThat(town.get("/residents/import").body()).contains("下载导入模板");
        HttpResponse<String> office = town.get("/patrol");
        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(office.body()).contains("党建引领网格").contains("凤翔小镇社区第一网格党小组").contains("走访规则")
                .doesNotContain("顾梅");
    }

    @Test
    void theWebAppIsServedWithoutLogin() throws Exception {
        HttpResponse<String> sw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http.base() + "/public/grid-sw.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sw.statusCode()).isEqualTo(200);
        assertThat(sw.headers().firstValue("Service-Worker-Allowed")).contains("/m/");
        assertThat(sw.body()).contains("caches.open");
        HttpResponse<String> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http.base() + "/public/grid.webmanifest")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("\"start_url\": \"/m/grid\"");
    }
}
