package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Two filter chains: the API ({@code /api/**}, {@code /open311/**}) is stateless and takes bearer
 * tokens or API keys; the pages use a session and the Chinese login form. Permissions are
 * checked per action with {@code @PreAuthorize}; every refusal goes to the audit log.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfig {

    /**
     * No Spring Security observations. With them, every filter of both chains runs inside a wrapper that
     * opens and closes an observation (and the authorization managers inside another), on every request,
     * for metrics this application does not expose: without them the filter chain's share of the intake's
     * request threads fell from 8.8 % to 6.4 % (docs/benchmarks-archive.md, round 6). The request as a whole is
     * still timed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The page sessions of each person, from the sessions in the database (Spring Session JDBC, issue 30), so that
     * a session expired on one node is expired on all.
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm named in each hash so it can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider huyingAuthenticationProvider(LoginService logins) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                return Authorities.authenticated(logins.authenticate(authentication.getName(), password));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, ApiKeyService apiKeys, ProblemWriter problems,
                                 AuditLog audit, MessageSource messages) throws Exception {
        http.securityMatcher("/api/**", "/open311/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new BearerAuthenticationFilter(tokens, apiKeys, problems, audit, messages),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // the second dispatch of an answer written asynchronously (an attachment's file): the request
                        // was authorized on its first; the stateless chain has no token left to check it by
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/**").permitAll()
                        .requestMatchers("/api/public/**", "/open311/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            audit.recordFor(null, AuditEvents.UNAUTHENTICATED, describe(request), null);
                            problems.write(response, HttpStatus.UNAUTHORIZED,
                                    messages.getMessage("auth.required", null, Locale.SIMPLIFIED_CHINESE),
                                    request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            audit.record(AuditEvents.ACCESS_DENIED, describe(request), ex.getMessage());
                            problems.write(response, HttpStatus.FORBIDDEN,
                                    messages.getMessage("auth.forbidden", null, Locale.SIMPLIFIED_CHINESE),
                                    request.getRequestURI());
                        }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuditLog audit, SessionRegistry sessions,
                                 @Value("${huying.map.tile-url:}") String tileUrl) throws Exception {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.pagePolicy(tileUrl)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                                "/portal/**", "/public/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(loginPage)
                        .accessDeniedHandler((request, response, ex) -> {
                            audit.record(AuditEvents.ACCESS_DENIED, describe(request), ex.getMessage());
                            response.sendError(HttpStatus.FORBIDDEN.value());
                        }));
        return http.build();
    }

    private static String describe(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }
}
