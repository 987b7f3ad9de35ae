package cn.huying;

import cn.huying.identity.CurrentUser;
import cn.huying.support.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What every {@code @ApplicationModuleTest} (one per module, {@code *ModuleTest}) shares: an H2 database of its own in
 * memory (never the integration tests' shared one), migrated with every module's folders ({@link ModuleResources},
 * which lives outside the modules and so is not in a module test's context unless imported), the demo town loaded
 * (the test includes the {@code demo} module) without the sweeps, the rollups, the search index or the web server, and
 * a clock the test can set. Only the module under test and the modules its bootstrap mode brings are in the context:
 * a listener of another module is not there unless the test includes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ModuleResources.class, ModuleTestSetup.Clock.class})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:module-${random.uuid};DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "huying.demo=true", "huying.data-dir=target/test-data", "huying.search.enabled=false",
        "huying.sla.sweep-initial-delay=1d",
        "huying.stats.refresh-initial-delay=1d", "huying.stats.rollup-enabled=false",
        "huying.assessment.rollup-enabled=false"})
public @interface ModuleTestSetup {

    /** The test's clock, as in the integration tests. */
    @TestConfiguration(proxyBeanMethods = false)
    class Clock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(ZoneId.of("Asia/Shanghai"));
        }
    }

    /** The demo users as the services see them. */
    final class Users {

        private Users() {
        }

        /** A demo user as the services see them: roles, scope and department, and the permissions of the roles. */
        public static CurrentUser of(JdbcClient jdbc, String username) {
            long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
            Long scope = jdbc.sql("SELECT scope_region_id FROM app_user WHERE id = ?").param(id)
                    .query(Long.class).optional().orElse(null);
            Long department = jdbc.sql("SELECT department_id FROM app_user WHERE id = ?").param(id)
                    .query(Long.class).optional().orElse(null);
            Set<String> roles = new HashSet<>(jdbc.sql("SELECT role_code FROM user_role WHERE user_id = ?").param(id)
                    .query(String.class).list());
            Set<String> permissions = new HashSet<>(jdbc.sql("SELECT DISTINCT rp.permission FROM role_permission rp"
                    + " JOIN user_role ur ON ur.role_code = rp.role_code WHERE ur.user_id = ?").param(id)
                    .query(String.class).list());
            return new CurrentUser(id, username, username, roles, permissions, scope, department);
        }
    }

    /** Reports as the module tests make them. */
    final class Reports {

        private Reports() {
        }

        /** 顾梅 (grid worker) reports a case of {@code category} at 凤翔小镇3号楼, in her grid's unit 2, now. */
        public static cn.huying.cases.CaseView byGumei(cn.huying.cases.Cases cases, JdbcClient jdbc, String category,
                                                      String description) {
            long region = jdbc.sql("SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'").query(Long.class)
                    .single();
            return cases.submit(new cn.huying.cases.NewCase(category, null, cn.huying.cases.Urgency.NORMAL, null,
                    description, null, null, "凤翔小镇3号楼", region, null, null, false, null, java.util.List.of(),
                    java.util.UUID.randomUUID().toString(), null, null, true), Users.of(jdbc, "gumei")).c();
        }
    }
}
