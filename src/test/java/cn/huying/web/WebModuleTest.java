package cn.huying.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huying.ModuleTestSetup;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import cn.huying.shared.HeaderBadge;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.NavItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shell publishes no event and listens to none, and knows no module: what the modules rely on is that it shows
 * their contributions and answers for their refusals. A {@link NavItem} is a link in the top bar and a
 * {@link HomeWidget} a card on the home page and a {@link HeaderBadge} a count in the top bar, each shown only to whom its predicate lets see it, by order, the card
 * rendered from the module's fragment with its variables as {@code w}; and a {@link DomainException} thrown by a
 * module's REST controller is answered as an RFC 9457 problem document with the status of its kind, the Chinese text
 * of its message key and the key as {@code code} (field by field for {@link InvalidInput}). The contributions and the
 * controller here stand for a module's. Identity needs region's implementation of its SPI {@code RegionPathLookup},
 * hence region (and the demo town for its accounts) in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"region", "demo"})
@ModuleTestSetup
@AutoConfigureMockMvc
@Import({WebModuleTest.SomeModulesShell.class, WebModuleTest.SomeModulesApi.class})
class WebModuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShellShowsTheModulesLinksAndCardsInOrderToWhomTheyAreFor() throws Exception {
        String admin = home("admin");
        assertThat(admin).contains("href=\"/webtest/first\"", "href=\"/webtest/second\"", "卡片：早", "卡片：晚")
                .doesNotContain("/webtest/grid", "widget-webtest-grid");
        assertThat(admin.indexOf("href=\"/webtest/first\"")).isLessThan(admin.indexOf("href=\"/webtest/second\""));
        assertThat(admin.indexOf("id=\"widget-webtest-early\"")).isPositive()
                .isLessThan(admin.indexOf("id=\"widget-webtest-late\""));
        assertThat(admin.indexOf("卡片：早")).isLessThan(admin.indexOf("卡片：晚"));
        assertThat(admin).as("a module's top-bar badge with its count and titled by its key")
                .containsPattern("href=\"/webtest/badge\" id=\"webtest-badge\"[^>]*title=\"重办 7 次\"")
                .contains("<span class=\"count-badge\">7</span>");

        String gridWorker = home("gumei");
        assertThat(gridWorker).contains("href=\"/webtest/grid\"", "id=\"widget-webtest-grid\"", "卡片：网格")
                .doesNotContain("/webtest/first", "widget-webtest-early", "widget-webtest-late", "webtest-badge");
    }

    @Test
    void aModulesRefusalIsAnsweredAsAProblemWithTheStatusOfItsKind() throws Exception {
        Map<DomainException.Kind, Integer> statuses = Map.of(DomainException.Kind.INVALID, 400,
                DomainException.Kind.NOT_FOUND, 404, DomainException.Kind.CONFLICT, 409,
                DomainException.Kind.FORBIDDEN, 403);
        for (Map.Entry<DomainException.Kind, Integer> kind : statuses.entrySet()) {
            MockHttpServletResponse r = mvc.perform(get("/api/public/webtest/refuse/" + kind.getKey())).andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(kind.getKey().name()).isEqualTo(kind.getValue());
            assertThat(MediaType.parseMediaType(r.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            JsonNode problem = JsonMapper.builder().build().readTree(r.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.path("status").asInt()).isEqualTo(kind.getValue());
            assertThat(problem.path("code").asString()).isEqualTo(SomeModulesApi.KEY);
            assertThat(problem.path("detail").asString()).as("the bundle's text with the arguments")
                    .contains(SomeModulesApi.REGION).doesNotContain(SomeModulesApi.KEY);
        }

        MockHttpServletResponse r = mvc.perform(get("/api/public/webtest/invalid")).andReturn().getResponse();
        JsonNode problem = JsonMapper.builder().build().readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("title", "regionId");
    }

    private String home(String username) throws Exception {
        CurrentUser user = ModuleTestSetup.Users.of(jdbc, username);
        MockHttpServletResponse r = mvc.perform(get("/").with(authentication(new UsernamePasswordAuthenticationToken(
                user, null, user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()))))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A module's shell contributions, declared against their order. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SomeModulesShell {

        @Bean
        NavItem webtestSecond() {
            return new NavItem(NavItem.WORK, "/webtest/second", "nav.home", 2, v -> v.hasRole(Roles.ADMIN));
        }

        @Bean
        NavItem webtestFirst() {
            return new NavItem(NavItem.WORK, "/webtest/first", "nav.home", 1, v -> v.hasRole(Roles.ADMIN));
        }

        @Bean
        NavItem webtestGrid() {
            return new NavItem(NavItem.WORK, "/webtest/grid", "nav.home", 3, v -> v.hasRole(Roles.GRID_WORKER));
        }

        @Bean
        HomeWidget webtestLate() {
            return HomeWidget.of("webtest-late", 20, v -> v.hasRole(Roles.ADMIN), "webtest/widgets :: card",
                    v -> Map.of("text", "晚"));
        }

        @Bean
        HomeWidget webtestEarly() {
            return HomeWidget.of("webtest-early", 10, v -> v.hasRole(Roles.ADMIN), "webtest/widgets :: card",
                    v -> Map.of("text", "早"));
        }

        @Bean
        HomeWidget webtestGridCard() {
            return HomeWidget.of("webtest-grid", 10, v -> v.hasRole(Roles.GRID_WORKER), "webtest/widgets :: card",
                    v -> Map.of("text", "网格"));
        }

        @Bean
        HeaderBadge webtestBadge() {
            return new HeaderBadge() {
                public String id() {
                    return "webtest-badge";
                }

                public int order() {
                    return 1;
                }

                public String path() {
                    return "/webtest/badge";
                }

                public String labelKey() {
                    return "nav.home";
                }

                public String titleKey() {
                    return "case.page.rework";
                }

                public boolean visibleTo(cn.huying.shared.Viewer v) {
                    return v.hasRole(Roles.ADMIN);
                }

                public long count(cn.huying.shared.Viewer v) {
                    return 7;
                }
            };
        }
    }

    /** A module's REST controller refusing as modules do. */
    @RestController
    static class SomeModulesApi {

        static final String KEY = "region.delete.has-children";
        static final String REGION = "测试区域";

        @GetMapping("/api/public/webtest/refuse/{kind}")
        String refuse(@PathVariable DomainException.Kind kind) {
            throw new DomainException(kind, KEY, REGION, 2);
        }

        @GetMapping("/api/public/webtest/invalid")
        String invalid() {
            new InvalidInput.Collector().add("title", KEY, REGION, 1).add("regionId", KEY, REGION, 2).throwIfAny();
            return "not reached";
        }
    }
}
