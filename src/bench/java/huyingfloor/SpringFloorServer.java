package huyingfloor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import cn.huying.bench.BareIntakeServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Part 3's second measuring stick: the framework's floor. The same work as {@link cn.huying.bench.BareIntakeServer}
 * (the token looked up in memory, the earlier case of a repeated Idempotency-Key, the case row and its one history row
 * in one transaction, the answer {@code {"id":…,"code":…}}), but done the way ARCHITECTURE.md asks the platform to
 * do everything: a Spring Boot application with the platform's own configuration ({@code application.yml}: Tomcat's
 * 16 request threads, HikariCP's 20 connections, Actuator and its request timer), Spring MVC with Jackson for the
 * JSON, a stateless Spring Security chain with a bearer filter and {@code @PreAuthorize}, a {@link TransactionTemplate}
 * and {@link JdbcClient}. Nothing of the platform's domain: no password check, permissions from the database, scope,
 * region from the point, time limits, duplicate search, day number (a counter in memory), notifications, search
 * index or audit. Huying's rate against this one is what the domain costs; this one's rate against the bare stick is
 * what the stack costs. In a package outside {@code cn.huying}, so that the platform (booted by the other benchmarks
 * in the bench's own process) scans none of it, and it none of the platform. Not part of the application: built only
 * in the {@code bench} profile.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // tokens only: no generated user
@EnableMethodSecurity
public class SpringFloorServer {

    /** Spring Boot's command line ({@code --server.port=…}, {@code --spring.datasource.url=…}, …). */
    public static void main(String[] argv) {
        // as arguments, so that they win over application.yml (which republishes outstanding events on start): the
        // platform's schema is there already, and its outstanding events have no listener here
        List<String> args = new java.util.ArrayList<>(List.of("--spring.flyway.enabled=false",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false"));
        args.addAll(List.of(argv));
        SpringApplication.run(SpringFloorServer.class, args.toArray(String[]::new));
    }

    /** As the platform: no Spring Security observations (identity's SecurityConfig). */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The platform's API chain, less its audit and problem answers. */
    @Bean
    SecurityFilterChain apiChain(HttpSecurity http, Tokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .addFilterBefore(new Bearer(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Everything else (the health check the driver waits on). */
    @Bean
    SecurityFilterChain otherChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**").authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** A signed-in user: id, display name. */
    public record User(long id, String name) {
    }

    /** token → user, in memory (as the bare stick). */
    @Component
    static class Tokens {
        final Map<String, User> byToken = new ConcurrentHashMap<>();
    }

    static final class Bearer extends OncePerRequestFilter {
        private static final List<SimpleGrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("case:report"));
        private final Tokens tokens;

        Bearer(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader("Authorization");
            User user = null;
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                user = tokens.byToken.get(authorization.substring(7).strip());
                if (user == null) {
                    response.sendError(HttpStatus.UNAUTHORIZED.value());
                    return;
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, AUTHORITIES));
                SecurityContextHolder.setContext(context);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (user != null) {
                    SecurityContextHolder.clearContext();
                }
            }
        }
    }

    public record SignIn(String username, String password) {
    }

    public record Token(String accessToken) {
    }

    public record NewCase(String category, String description, Double lat, Double lng) {
    }

    public record Created(long id, String code) {
    }

    @RestController
    static class Intake {

        /** category code → id, kind, name */
        private record Category(long id, String kind, String name) {
        }

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final Tokens tokens;
        private final Map<String, Category> categories = new ConcurrentHashMap<>();
        private final long regionId;
        private final long townId;
        private final String prefix = "FLOOR" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        private final AtomicLong number = new AtomicLong();

        Intake(JdbcClient jdbc, TransactionTemplate transactions, Tokens tokens) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            this.tokens = tokens;
            jdbc.sql("SELECT code, id, kind, name FROM case_category").query(rs -> {
                categories.put(rs.getString(1), new Category(rs.getLong(2), rs.getString(3), rs.getString(4)));
            });
            this.regionId = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class).single();
            this.townId = jdbc.sql("SELECT id FROM region WHERE name = '木石镇'").query(Long.class).single();
        }

        @PostMapping("/api/auth/token")
        ResponseEntity<Token> signIn(@RequestBody SignIn body) {
            Optional<User> user = jdbc.sql("SELECT id, display_name FROM app_user WHERE username = ?")
                    .params(body.username()).query((rs, n) -> new User(rs.getLong(1), rs.getString(2))).optional();
            if (user.isEmpty()) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            }
            String token = UUID.randomUUID().toString();
            tokens.byToken.put(token, user.get());
            return ResponseEntity.ok(new Token(token));
        }

        @PostMapping("/api/cases")
        @PreAuthorize("hasAuthority('case:report')")
        ResponseEntity<Created> create(@RequestBody NewCase body,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @AuthenticationPrincipal User user) {
            Category category = body.category() == null ? null : categories.get(body.category());
            String description = body.description() == null ? "" : body.description();
            if (category == null || description.isBlank()) {
                return ResponseEntity.badRequest().build();
            }
            if (key != null) {
                Optional<Created> earlier = jdbc.sql("SELECT id, code FROM case_file WHERE created_by = ? AND idempotency_key = ?")
                        .params(user.id(), key).query((rs, n) -> new Created(rs.getLong(1), rs.getString(2))).optional();
                if (earlier.isPresent()) {
                    return ResponseEntity.ok(earlier.get());
                }
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String code = prefix + "-" + number.incrementAndGet();
            Created created = transactions.execute(status -> {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql(BareIntakeServer.INSERT_CASE).params(code, category.kind(), category.id(),
                        category.name() + "：" + description.substring(0, Math.min(30, description.length())), description,
                        body.lat(), body.lng(), regionId, townId, user.id(), user.id(), key, now, now, category.id()).update(keys, "id");
                long id = keys.getKey().longValue();
                jdbc.sql(BareIntakeServer.INSERT_HISTORY).params(id, user.id(), user.name(), description, now).update();
                return new Created(id, code);
            });
            return ResponseEntity.status(HttpStatus.CREATED).body(created);
        }

        @GetMapping("/api/cases/{id}")
        @PreAuthorize("isAuthenticated()")
        ResponseEntity<Created> read(@PathVariable long id, @AuthenticationPrincipal User user) {
            return jdbc.sql("SELECT code FROM case_file WHERE id = ? AND created_by = ?").params(id, user.id())
                    .query(String.class).optional().map(code -> ResponseEntity.ok(new Created(id, code)))
                    .orElseGet(() -> ResponseEntity.notFound().build());
        }
    }
}
