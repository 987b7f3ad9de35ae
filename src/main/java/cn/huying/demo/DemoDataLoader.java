package cn.huying.demo;

import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.identity.UserAccounts.NewUser;
import cn.huying.region.DedicatedKind;
import cn.huying.region.DepartmentKind;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.region.NewRegion;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DemoData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo town once, in one transaction, when {@code huying.demo=true} and it is not there yet.
 * Every region goes through the same validated service as the administration API.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "huying.demo", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Regions regions;
    private final Departments departments;
    private final UserAccounts users;
    private final TransactionTemplate tx;
    private final List<DemoData> modules;

    DemoDataLoader(Regions regions, Departments departments, UserAccounts users, TransactionTemplate tx,
                   List<DemoData> modules) {
        this.regions = regions;
        this.departments = departments;
        this.users = users;
        this.tx = tx;
        this.modules = modules.stream().sorted(Comparator.comparingInt(DemoData::order)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.findByCode(DemoTown.COUNTY_CODE).isEmpty()) {
            long started = System.nanoTime();
            tx.executeWithoutResult(s -> load());
            log.info("演示数据已载入：滕州市木石镇（{} ms）", (System.nanoTime() - started) / 1_000_000);
        }
        // each module's own demo data, which adds nothing when its rows are there already
        for (DemoData module : modules) {
            tx.executeWithoutResult(s -> module.load());
        }
    }

    private void load() {
        RegionScope all = RegionScope.all();
        double[] colWeights = {1.0, 1.2, 0.9, 1.1, 0.8};
        double[] rowWeights = {1.1, 0.9, 1.0};
        double[] xs = cuts(DemoTown.WEST, DemoTown.EAST, colWeights);
        double[] ys = cuts(DemoTown.NORTH, DemoTown.SOUTH, rowWeights);

        RegionView county = regions.create(new NewRegion(DemoTown.COUNTY_CODE, "滕州市", "TZ", RegionType.COUNTY, null,
                null, null, null, null), all);
        RegionView town = regions.create(new NewRegion(DemoTown.TOWN_CODE, "木石镇", "MS", RegionType.TOWN, null,
                county.id(), rect(DemoTown.WEST, DemoTown.SOUTH, DemoTown.EAST, DemoTown.NORTH), null, null), all);

        Map<String, RegionView> villages = new HashMap<>();
        List<double[]> villageBoxes = new ArrayList<>();
        List<RegionView> basicGrids = new ArrayList<>();
        int basicIndex = 0;
        for (int v = 0; v < DemoTown.VILLAGES.size(); v++) {
            int col = v % 5;
            int row = v / 5;
            double west = xs[col];
            double east = xs[col + 1];
            double north = ys[row];
            double south = ys[row + 1];
            villageBoxes.add(new double[]{west, south, east, north});
            String villageCode = DemoTown.TOWN_CODE + String.format(Locale.ROOT, "%03d", 201 + v);
            String name = DemoTown.VILLAGES.get(v);
            int[] householdsOfBasics = new int[DemoTown.BASIC_PER_VILLAGE];
            int villageHouseholds = 0;
            for (int b = 0; b < DemoTown.BASIC_PER_VILLAGE; b++) {
                householdsOfBasics[b] = 160 + (v * 37 + b * 53) % 240;
                villageHouseholds += householdsOfBasics[b];
            }
            RegionView village = regions.create(new NewRegion(villageCode, name, null, RegionType.VILLAGE, null,
                    town.id(), rect(west, south, east, north), villageHouseholds, population(villageHouseholds)), all);
            villages.put(name, village);

            double[] strips = cuts(west, east, new double[]{1.0, 1.0 + 0.1 * (v % 4), 0.85});
            for (int b = 0; b < DemoTown.BASIC_PER_VILLAGE; b++) {
                int units = basicIndex >= 45 - DemoTown.BASIC_WITH_TWO_UNITS ? 2 : 3;
                String basicCode = villageCode + String.format(Locale.ROOT, "%02d", b + 1);
                int households = householdsOfBasics[b];
                RegionView basic = regions.create(new NewRegion(basicCode, name + "第" + chinese(b + 1) + "网格", null,
                        RegionType.BASIC_GRID, null, village.id(), rect(strips[b], south, strips[b + 1], north),
                        households, population(households)), all);
                basicGrids.add(basic);
                double[] bands = cuts(north, south, units == 3 ? new double[]{1.0, 1.15, 0.9} : new double[]{1.0, 1.1});
                for (int u = 0; u < units; u++) {
                    int unitHouseholds = households / units + (u == 0 ? households % units : 0);
                    regions.create(new NewRegion(basicCode + String.format(Locale.ROOT, "%02d", u + 1),
                            basic.name() + "第" + (u + 1) + "单元", null, RegionType.UNIT_GRID, null, basic.id(),
                            rect(strips[b], bands[u + 1], strips[b + 1], bands[u]), unitHouseholds,
                            population(unitHouseholds)), all);
                }
                basicIndex++;
            }
        }

        // 63 dedicated grids 专属网格: small squares inside the villages; parks hang under the town.
        List<DemoTown.Dedicated> dedicated = new ArrayList<>();
        DemoTown.ENTERPRISES.forEach(n -> dedicated.add(new DemoTown.Dedicated(n, "ENTERPRISE", false)));
        DemoTown.SCHOOLS.forEach(n -> dedicated.add(new DemoTown.Dedicated(n, "SCHOOL", false)));
        DemoTown.HOSPITALS.forEach(n -> dedicated.add(new DemoTown.Dedicated(n, "HOSPITAL", false)));
        DemoTown.MARKETS.forEach(n -> dedicated.add(new DemoTown.Dedicated(n, "MARKET", false)));
        DemoTown.PARKS.forEach(n -> dedicated.add(new DemoTown.Dedicated(n, "PARK", true)));
        for (int i = 0; i < dedicated.size(); i++) {
            DemoTown.Dedicated d = dedicated.get(i);
            int v = i % DemoTown.VILLAGES.size();
            int slot = i / DemoTown.VILLAGES.size();
            double[] box = villageBoxes.get(v);
            double size = d.underTown() ? 0.004 : 0.0015;
            double west = box[0] + (box[2] - box[0]) * (0.12 + 0.17 * slot);
            double south = box[1] + (box[3] - box[1]) * (0.15 + 0.13 * ((i * 7) % 5));
            Long parent = d.underTown() ? town.id() : villages.get(DemoTown.VILLAGES.get(v)).id();
            regions.create(new NewRegion(DemoTown.TOWN_CODE + "Z" + String.format(Locale.ROOT, "%03d", i + 1), d.name(),
                    null, RegionType.DEDICATED_GRID, DedicatedKind.valueOf(d.kind()), parent,
                    rect(west, south, west + size, south + size * 0.8), null, null), all);
        }

        Map<String, DepartmentView> depts = new HashMap<>();
        for (DemoTown.Dept d : DemoTown.DEPARTMENTS) {
            depts.put(d.code(), departments.create(new Departments.NewDepartment(d.code(), d.name(),
                    DepartmentKind.valueOf(d.kind()), d.county() ? county.id() : town.id(), null), all));
        }

        String pw = DemoTown.PASSWORD;
        users.create(new NewUser("admin", "系统管理员", pw, Set.of(Roles.ADMIN), null, null));
        users.create(new NewUser("dispatcher", "张敏", pw, Set.of(Roles.DISPATCHER), town.id(), null));
        RegionView fengxiangGrid = basicGrids.stream()
                .filter(g -> g.name().startsWith("凤翔小镇社区")).findFirst().orElseThrow();
        users.create(new NewUser("gumei", "顾梅", pw, Set.of(Roles.GRID_WORKER), fengxiangGrid.id(), null));
        RegionView zhuozhuangGrid = basicGrids.stream()
                .filter(g -> g.name().startsWith("卓庄村")).findFirst().orElseThrow();
        users.create(new NewUser("gridworker2", "孙立华", pw, Set.of(Roles.GRID_WORKER), zhuozhuangGrid.id(), null));
        users.create(new NewUser("cadre", "王建国", pw, Set.of(Roles.VILLAGE_CADRE), villages.get("卓庄村").id(), null));
        users.create(new NewUser("handler", "李强", pw, Set.of(Roles.HANDLER), town.id(), depts.get("MS-WYB").id()));
        int n = 1;
        for (DemoTown.Dept d : DemoTown.DEPARTMENTS) {
            if (!d.code().equals("MS-WYB")) {
                users.create(new NewUser("handler-" + d.code().toLowerCase(Locale.ROOT), d.name() + "承办人" + n++, pw,
                        Set.of(Roles.HANDLER), d.county() ? county.id() : town.id(), depts.get(d.code()).id()));
            }
        }
        users.create(new NewUser("mediator", "刘法官", pw, Set.of(Roles.MEDIATOR), town.id(), depts.get("MS-FT").id()));
        users.create(new NewUser("leader", "陈书记", pw, Set.of(Roles.LEADER), town.id(), null));
        users.create(new NewUser("citizen", "赵女士", pw, Set.of(Roles.CITIZEN), town.id(), null));
        users.create(new NewUser("hotline", "12345热线对接", pw, Set.of(Roles.SYSTEM), county.id(), null));
    }

    /** Splits [from, to] into parts proportional to the weights; returns the cut positions including both ends. */
    static double[] cuts(double from, double to, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length + 1];
        out[0] = from;
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            out[i + 1] = i == weights.length - 1 ? to : from + (to - from) * acc / total;
        }
        return out;
    }

    static String rect(double west, double south, double east, double north) {
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }

    private static int population(int households) {
        return (int) Math.round(households * 2.8);
    }

    private static String chinese(int n) {
        return switch (n) {
            case 1 -> "一";
            case 2 -> "二";
            case 3 -> "三";
            default -> Integer.toString(n);
        };
    }
}
