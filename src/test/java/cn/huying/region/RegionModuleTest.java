package cn.huying.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huying.ModuleTestSetup;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.shared.DomainException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Region publishes no event and listens to none. What the other modules rely on is two seams. Identity scopes every
 * user by the path of their scope region through the SPI {@code RegionPathLookup}, which region implements: when a
 * grid is moved to another village, its subtree's paths are rewritten and the scope of the grid's worker follows at
 * once (no stale path cached). And a module holding data bound to a region reports it through {@link RegionUsage}:
 * such a region cannot be deleted (409 with the module's own message) until the module's count is zero.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "demo")
@ModuleTestSetup
@Import(RegionModuleTest.SomeModulesData.class)
class RegionModuleTest {

    @Autowired
    Regions regions;

    @Autowired
    CurrentUsers users;

    @Autowired
    SomeModulesData someModule;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMovedGridTakesItsWorkersScopeAlong() {
        CurrentUser gumei = ModuleTestSetup.Users.of(jdbc, "gumei");
        RegionView grid = regions.find(gumei.scopeRegionId()).orElseThrow();
        RegionView unit = regions.children(grid.id(), RegionScope.all()).get(0);
        CurrentUser cadre = ModuleTestSetup.Users.of(jdbc, "cadre");
        RegionView otherVillage = regions.find(cadre.scopeRegionId()).orElseThrow();
        assertThat(otherVillage.type()).isEqualTo(RegionType.VILLAGE);
        assertThat(otherVillage.id()).isNotEqualTo(grid.parentId());
        assertThat(users.scopeOf(cadre).covers(unit.path())).isFalse();
        assertThat(users.scopeOf(gumei).covers(unit.path())).isTrue();
        String before = users.scopeOf(gumei).pathPrefix();

        regions.move(grid.id(), otherVillage.id(), RegionScope.all());

        RegionScope after = users.scopeOf(gumei);
        assertThat(after.pathPrefix()).isNotEqualTo(before).isEqualTo(otherVillage.path() + grid.id() + "/");
        assertThat(after.covers(regions.find(unit.id()).orElseThrow().path()))
                .as("the grid's unit grids moved with it, still in its worker's scope").isTrue();
        assertThat(users.scopeOf(cadre).covers(regions.find(unit.id()).orElseThrow().path()))
                .as("now in the other village's cadre's scope").isTrue();
    }

    @Test
    void aRegionAModuleStillHoldsDataInCannotBeDeleted() {
        CurrentUser gumei = ModuleTestSetup.Users.of(jdbc, "gumei");
        RegionView grid = regions.find(gumei.scopeRegionId()).orElseThrow();
        RegionView added = regions.create(new NewRegion(grid.code() + "Z99", grid.name() + "测试市场", null,
                RegionType.DEDICATED_GRID, DedicatedKind.MARKET, grid.parentId(), null, null, null), RegionScope.all());
        someModule.items.put(added.id(), 2L);

        assertThatThrownBy(() -> regions.delete(added.id(), RegionScope.all()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo(SomeModulesData.REFUSAL);
                    assertThat(e.args()).containsExactly(added.name(), 2L);
                });
        assertThat(regions.find(added.id())).isPresent();

        someModule.items.remove(added.id());
        regions.delete(added.id(), RegionScope.all());
        assertThat(regions.find(added.id())).isEmpty();
    }

    /** Another module's data bound to regions, as it reports it through the SPI (a bean: the configuration itself). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SomeModulesData implements RegionUsage {

        static final String REFUSAL = "region.delete.has-cases";

        final Map<Long, Long> items = new ConcurrentHashMap<>();

        @Override
        public long countIn(long regionId) {
            return items.getOrDefault(regionId, 0L);
        }

        @Override
        public String refusalMessageKey() {
            return REFUSAL;
        }
    }
}
