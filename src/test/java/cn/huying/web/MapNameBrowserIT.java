package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Browser;
import cn.huying.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 22: a grid named {@code <img src=x onerror=…>} ran as script in every dispatcher's browser on {@code /map}
 * (Leaflet takes a tooltip's string as HTML). The name is shown as text, and the page's Content-Security-Policy
 * would not run an inline handler anyway.
 */
class MapNameBrowserIT extends IntegrationTest {

    private static final String EVIL = "<img src=x class=evil onerror=\"document.title='pwned'\">";

    @Test
    void aGridNameIsShownAsTextInTheMapTooltip() {
        long townId = jdbc.sql("SELECT scope_region_id FROM app_user WHERE username = 'dispatcher'").query(Long.class)
                .single();
        Map<String, Object> grid = jdbc.sql("SELECT id, name FROM region WHERE type = 'BASIC_GRID' AND path LIKE"
                + " (SELECT path FROM region WHERE id = ?) || '%' ORDER BY id DESC LIMIT 1").param(townId)
                .query().singleRow();
        long gridId = ((Number) grid.get("id")).longValue();
        String admin = token("admin");
        assertThat(http.patch("/api/regions/" + gridId, Map.of("name", EVIL)).bearer(admin).send().status())
                .isEqualTo(200);
        try (Browser dispatcher = Browser.office("http://localhost:" + port)) {
            dispatcher.login("dispatcher", DEMO_PASSWORD);
            dispatcher.open("/map");
            dispatcher.waitFor(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
            // hover every grid until the renamed one's tooltip opens
            Object text = dispatcher.driver().executeScript("""
                    var paths = document.querySelectorAll('#map path.leaflet-interactive');
                    for (var i = 0; i < paths.length; i++) {
                      var r = paths[i].getBoundingClientRect();
                      var at = { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
                      paths[i].dispatchEvent(new MouseEvent('mouseover', at));
                      paths[i].dispatchEvent(new MouseEvent('mousemove', at));
                      var tips = document.querySelectorAll('.leaflet-tooltip');
                      for (var k = 0; k < tips.length; k++) {
                        if (tips[k].textContent.indexOf('onerror') >= 0) { return tips[k].textContent; }
                      }
                      paths[i].dispatchEvent(new MouseEvent('mouseout', at));
                    }
                    return document.querySelectorAll('.leaflet-tooltip img, img.evil').length > 0 ? 'IMG' : null;
                    """);
            assertThat(text).isEqualTo(EVIL);
            List<?> images = dispatcher.driver().findElements(By.cssSelector(".leaflet-tooltip img, img.evil"));
            assertThat(images).isEmpty();
            assertThat(dispatcher.driver().getTitle()).isNotEqualTo("pwned");
        } finally {
            http.patch("/api/regions/" + gridId, Map.of("name", grid.get("name"))).bearer(admin).send();
        }
    }
}
