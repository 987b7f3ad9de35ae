package cn.huying.patrol.internal;

import cn.huying.identity.RegionScope;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DemoData;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The demo town's party organisation along the grid: 木石镇党委, three 片区党总支, a 村党支部 per village and a
 * 网格党小组 per basic grid, two synthetic members 帮包 each grid. Added once: nothing when organisations exist.
 */
@Component
class PartyDemo implements DemoData {

    private static final String[] AREAS = {"北片区", "中片区", "南片区"};
    private static final String[] NAMES = {"高建民", "孟庆芳", "曹立新", "邵红梅", "韩德胜", "冯玉兰", "褚福田", "卫秀云"};

    private final JdbcClient jdbc;
    private final Regions regions;

    PartyDemo(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        if (jdbc.sql("SELECT COUNT(*) FROM party_org").query(Long.class).single() > 0) {
            return;
        }
        RegionView town = regions.findByCode("370481107").orElse(null);
        if (town == null) {
            return;
        }
        long committee = org("中共木石镇委员会", "TOWN_COMMITTEE", null, town);
        long[] branches = new long[AREAS.length];
        for (int i = 0; i < AREAS.length; i++) {
            branches[i] = org("木石镇" + AREAS[i] + "党总支", "GENERAL_BRANCH", committee, town);
        }
        List<RegionView> villages = regions.children(town.id(), RegionScope.all()).stream()
                .filter(r -> r.type() == RegionType.VILLAGE).toList();
        int m = 0;
        for (int v = 0; v < villages.size(); v++) {
            RegionView village = villages.get(v);
            long branch = org("中共" + village.name() + "支部委员会", "VILLAGE_BRANCH", branches[v * AREAS.length
                    / villages.size()], village);
            for (RegionView grid : regions.children(village.id(), RegionScope.all())) {
                if (grid.type() != RegionType.BASIC_GRID) {
                    continue;
                }
                long group = org(grid.name() + "党小组", "GRID_GROUP", branch, grid);
                for (int k = 0; k < 2; k++) {
                    jdbc.sql("INSERT INTO party_member (org_id, name, duty, grid_id, grid_path) VALUES (?, ?, ?, ?, ?)")
                            .params(group, NAMES[m++ % NAMES.length], k == 0 ? "党小组长" : "帮包党员", grid.id(),
                                    grid.path()).update();
                }
            }
        }
    }

    private long org(String name, String level, Long parent, RegionView region) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO party_org (name, level, parent_id, region_id, region_path) VALUES (?, ?, ?, ?, ?)")
                .params(name, level, parent, region.id(), region.path()).update(keys, "id");
        return keys.getKey().longValue();
    }
}
