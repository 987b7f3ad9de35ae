package cn.huying.residents.internal;

import cn.huying.identity.PersonalData;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.residents.HouseUse;
import cn.huying.residents.IdCardNumber;
import cn.huying.residents.Relation;
import cn.huying.residents.ResidentKind;
import cn.huying.shared.DemoData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A modest synthetic registry for the demo town (made-up names; ID numbers with valid check digits): twelve
 * buildings of 凤翔小镇社区第一网格 (building 11 among them, of the seed's heating pipe) and four of
 * 卓庄村第一网格, with households, tenants, and care-tagged elderly people. Added once: nothing when houses exist.
 */
@Component
class ResidentsDemo implements DemoData {

    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "徐"};
    private static final String[] GIVEN = {"秀兰", "建华", "桂英", "志强", "玉梅", "国庆", "丽娜", "海涛", "淑珍",
            "明", "静", "磊", "凤英", "卫东", "晓燕", "春生"};

    private final JdbcClient jdbc;
    private final ResidentRepository repo;
    private final Regions regions;
    private final PersonalData pii;
    private final IdLookup lookup;
    private final Clock clock;
    private final PersonTags tags;

    ResidentsDemo(JdbcClient jdbc, ResidentRepository repo, Regions regions, PersonalData pii, IdLookup lookup,
                  Clock clock, PersonTags tags) {
        this.tags = tags;
        this.jdbc = jdbc;
        this.repo = repo;
        this.regions = regions;
        this.pii = pii;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        if (jdbc.sql("SELECT COUNT(*) FROM res_house").query(Long.class).single() > 0) {
            return;
        }
        int[] seq = {0};
        grid("凤翔小镇社区第一网格", "凤翔小镇社区", 12, seq);
        grid("卓庄村第一网格", "卓庄村", 4, seq);
    }

    private void grid(String gridName, String place, int buildings, int[] seq) {
        RegionView basic = regions.list(RegionScope.all(), null, null, gridName, false,
                new cn.huying.shared.PageRequest(0, 5)).items().stream().filter(r -> r.name().equals(gridName))
                .findFirst().orElse(null);
        if (basic == null) {
            return;
        }
        List<RegionView> units = regions.children(basic.id(), RegionScope.all());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        for (int b = 1; b <= buildings; b++) {
            RegionView grid = units.isEmpty() ? basic : units.get((b - 1) % units.size());
            String address = place + b + "号楼";
            long building = repo.building(address, grid.id(), grid.path(), null, null, now);
            for (int u = 1; u <= 2; u++) {
                long unit = repo.unit(building, u + "单元");
                for (int room : new int[]{101, 201}) {
                    int n = seq[0]++;
                    HouseUse use = n % 7 == 3 ? HouseUse.RENTED : n % 11 == 5 ? HouseUse.VACANT : HouseUse.OWNER_OCCUPIED;
                    long house = repo.insertHouse(building, unit, String.valueOf(room),
                            address + u + "单元" + room + "室", grid.id(), grid.path(), use, null, null, now);
                    if (use == HouseUse.VACANT) {
                        continue;
                    }
                    long household = repo.insertHousehold(house, now);
                    boolean alone = n % 5 == 0;
                    int people = alone ? 1 : 2 + n % 2;
                    for (int k = 0; k < people; k++) {
                        int age = alone ? 78 + n % 10 : k == 0 ? 45 + n % 20 : k == 1 ? 40 + n % 18 : 8 + n % 9;
                        String name = FAMILY[(n + (k == 1 ? 5 : 0)) % FAMILY.length] + GIVEN[(n * 3 + k) % GIVEN.length];
                        ResidentKind kind = use == HouseUse.RENTED ? ResidentKind.TENANT : ResidentKind.REGISTERED;
                        long person = person(name, today.minusYears(age).withDayOfYear(1 + (n * 13 + k) % 300), n, k,
                                kind, kind == ResidentKind.TENANT ? today.plusMonths(n % 12 - 1) : null, now);
                        Relation rel = kind == ResidentKind.TENANT ? Relation.TENANT
                                : k == 0 ? Relation.HEAD : k == 1 ? Relation.SPOUSE : Relation.CHILD;
                        repo.insertMember(household, person, rel, today.minusYears(3 + n % 5));
                        if (alone) {
                            tags.replace(person, List.of("ALONE_ELDERLY"));
                        } else if (n % 9 == 2 && k == 0) {
                            tags.replace(person, List.of("LOW_INCOME"));
                        } else if (n % 13 == 4 && k == 0) {
                            tags.replace(person, List.of("VETERAN"));
                        }
                    }
                }
            }
        }
    }

    private long person(String name, LocalDate birth, int n, int k, ResidentKind kind, LocalDate expiry, Instant now) {
        int sequence = 100 + (n * 4 + k) % 900;
        // odd sequence for men
        String first17 = "370481" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(Locale.ROOT, "%03d", sequence);
        String id = IdCardNumber.complete(first17);
        String phone = String.format(Locale.ROOT, "13%09d", 500_000_000L + n * 1_013L + k * 7L);
        return repo.insertPerson(name, IdCardNumber.gender(id), birth, pii.encrypt(id), lookup.hash(id),
                PersonalData.maskIdCard(id), pii.encrypt(phone), PersonalData.maskPhone(phone), kind, expiry, now);
    }
}
