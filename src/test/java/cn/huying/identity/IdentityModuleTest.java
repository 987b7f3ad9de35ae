package cn.huying.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.WithoutRegionModule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Identity alone (region's {@link RegionPathLookup} stood in for): what every other module relies on. A module's
 * {@link RoleGrant} bean is written at start — a new role is created with its Chinese name and the permissions it
 * lacks are added to an existing role, keeping what that role had. The enterprise registry that finance and projects
 * share publishes {@link EnterpriseApproved} naming the enterprise when the finance office approves it, and nothing
 * when it rejects one.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@ModuleTestSetup
@Import({WithoutRegionModule.class, IdentityModuleTest.SomeModule.class})
class IdentityModuleTest {

    static final String NEW_ROLE = "SEAM_INSPECTOR";
    static final String NEW_PERMISSION = "seam:inspect";

    /** Stands in for a feature module registering its role and granting a permission to an existing role. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SomeModule {

        @Bean
        RoleGrant seamInspector() {
            return RoleGrant.of(NEW_ROLE, "接缝检查员", NEW_PERMISSION);
        }

        @Bean
        RoleGrant seamForAdmin() {
            return RoleGrant.of(Roles.ADMIN, "系统管理员", NEW_PERMISSION, Permissions.USER_VIEW);
        }
    }

    @Autowired
    Enterprises enterprises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aModulesRoleGrantIsWrittenAtStartWithoutRemovingAnything() {
        assertThat(jdbc.sql("SELECT name FROM role WHERE code = ?").param(NEW_ROLE).query(String.class).list())
                .containsExactly("接缝检查员");
        assertThat(permissions(NEW_ROLE)).containsExactly(NEW_PERMISSION);
        assertThat(jdbc.sql("SELECT name FROM role WHERE code = ?").param(Roles.ADMIN).query(String.class).single())
                .as("an existing role keeps its name").isNotBlank();
        assertThat(permissions(Roles.ADMIN)).as("added once, beside what the administrator had")
                .containsOnlyOnce(NEW_PERMISSION, Permissions.USER_VIEW)
                .contains(Permissions.USER_EDIT, Permissions.ENTERPRISE_VIEW);
    }

    @Test
    void anApprovalPublishesTheEnterpriseAndARejectionNothing(AssertablePublishedEvents events) {
        Enterprises.Registered approved = register("青岛接缝测试物流有限公司", "seam-ent-1");
        Enterprises.Registered rejected = register("青岛接缝测试运输有限公司", "seam-ent-2");
        assertThat(approved.enterprise().status()).isEqualTo(Enterprises.Status.PENDING);

        enterprises.approve(approved.enterprise().id());
        enterprises.reject(rejected.enterprise().id(), "营业执照与信用代码不符");

        assertThat(events.ofType(EnterpriseApproved.class)).as("one event, for the approved enterprise only")
                .containsExactly(new EnterpriseApproved(approved.enterprise().id(), approved.enterprise().creditCode(),
                        "青岛接缝测试物流有限公司"));
        assertThat(enterprises.findById(approved.enterprise().id()).orElseThrow().approved()).isTrue();
        assertThat(enterprises.findById(rejected.enterprise().id()).orElseThrow().status())
                .isEqualTo(Enterprises.Status.REJECTED);
    }

    private Enterprises.Registered register(String name, String username) {
        return enterprises.register(new Enterprises.Registration(CreditCodes.unique(), name, "周晓东", "13600001111",
                true, username, "Seam@2026pw"));
    }

    private List<String> permissions(String role) {
        return jdbc.sql("SELECT permission FROM role_permission WHERE role_code = ?").param(role)
                .query(String.class).list();
    }
}
