package cn.huying.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.ModuleTestSetup;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DemoData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The demo module publishes no event and listens to none; every other module's demo data and module test build on
 * what it loads. Its contract: at start (with {@code huying.demo=true}) the demo town 木石镇 is there — the region tree
 * with the seed's figures of grids, and the accounts the other modules' demo data and tests name (the town's
 * dispatcher, the grid worker 顾梅 of a 凤翔小镇社区 grid, the handler of the property office MS-WYB) — and then
 * every {@link DemoData} contribution of the modules runs, each after the town, by its {@link DemoData#order()},
 * at every start; the town itself is loaded once.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTestSetup
@Import(DemoModuleTest.Contributions.class)
class DemoModuleTest {

    @Autowired
    Regions regions;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    Contributions contributions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTownIsLoadedOnceAndTheModulesDemoDataRunsAfterItInOrderAtEveryStart() {
        RegionView town = regions.findByCode(DemoTown.TOWN_CODE).orElseThrow();
        Map<RegionType, Long> grids = regions.countSubtree(town.id(), RegionScope.all());
        int basicGrids = DemoTown.VILLAGES.size() * DemoTown.BASIC_PER_VILLAGE;
        assertThat(grids.get(RegionType.VILLAGE)).isEqualTo(DemoTown.VILLAGES.size());
        assertThat(grids.get(RegionType.BASIC_GRID)).isEqualTo(basicGrids);
        assertThat(grids.get(RegionType.UNIT_GRID)).isEqualTo(3L * basicGrids - DemoTown.BASIC_WITH_TWO_UNITS);
        assertThat(grids.get(RegionType.DEDICATED_GRID)).isEqualTo(DemoTown.ENTERPRISES.size()
                + DemoTown.SCHOOLS.size() + DemoTown.HOSPITALS.size() + DemoTown.MARKETS.size()
                + DemoTown.PARKS.size());

        assertThat(scopeOf("dispatcher")).isEqualTo(town.id());
        RegionView gumeisGrid = regions.find(scopeOf("gumei")).orElseThrow();
        assertThat(gumeisGrid.type()).isEqualTo(RegionType.BASIC_GRID);
        assertThat(regions.find(gumeisGrid.parentId()).orElseThrow().name()).isEqualTo("凤翔小镇社区");
        assertThat(jdbc.sql("SELECT d.code FROM app_user u JOIN department d ON d.id = u.department_id"
                + " WHERE u.username = 'handler'").query(String.class).single()).isEqualTo("MS-WYB");

        assertThat(contributions.runs).as("each contribution once, by order, after the town")
                .containsExactly(new Run("first", true), new Run("second", true));

        long regionsBefore = regionCount();
        loader.run(new DefaultApplicationArguments());
        assertThat(regionCount()).as("the town is not loaded again").isEqualTo(regionsBefore);
        assertThat(contributions.runs).as("the modules' demo data runs at every start")
                .containsExactly(new Run("first", true), new Run("second", true), new Run("first", true),
                        new Run("second", true));
    }

    private long scopeOf(String username) {
        return jdbc.sql("SELECT scope_region_id FROM app_user WHERE username = ?").param(username).query(Long.class)
                .single();
    }

    private long regionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM region").query(Long.class).single();
    }

    /** A contribution's run: which one, and whether the demo town's accounts were there when it ran. */
    record Run(String name, boolean townThere) {
    }

    /** Two modules' demo data, declared against their order. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Contributions {

        final List<Run> runs = new CopyOnWriteArrayList<>();

        @Bean
        DemoData secondContribution(JdbcClient jdbc) {
            return contribution("second", 20, jdbc);
        }

        @Bean
        DemoData firstContribution(JdbcClient jdbc) {
            return contribution("first", 10, jdbc);
        }

        private DemoData contribution(String name, int order, JdbcClient jdbc) {
            return new DemoData() {
                @Override
                public int order() {
                    return order;
                }

                @Override
                public void load() {
                    runs.add(new Run(name, jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'dispatcher'")
                            .query(Long.class).single() == 1));
                }
            };
        }
    }
}
