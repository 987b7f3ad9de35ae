package cn.huying.bench;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.PersonalData;
import cn.huying.residents.IdCardNumber;
import cn.huying.residents.Residents;
import cn.huying.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resident registry at scale (issue 26): generates {@code --persons} people in {@code --houses} houses spread
 * over the demo town's unit grids (ID numbers and phones encrypted with the application's key, the ID's keyed hash
 * with the registry's key), then measures the registry's look-ups through {@link Residents} as the demo users
 * (grid worker 顾梅, village cadre, town dispatcher) beside the plain indexed SQL of the same answer, p50/p95/p99.
 * Run with {@code -Dbench.heap=-Xmx512m}.
 */
final class ResidentsBench {

    private static final long ID_BASE = 10_000_000L;
    private static final int DAYS = 21_900;
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1945, 1, 1);

    private ResidentsBench() {
    }

    record Probe(String name, IntConsumer call) {
    }

    static void run(Args args) throws Exception {
        BenchDb db = BenchDb.one(args, args.get("name", "residents"));
        long persons = args.number("persons", 2_000_000);
        long houses = args.number("houses", 800_000);
        int iterations = args.integer("iterations", 200);
        try (ConfigurableApplicationContext ctx = db.boot(Map.of())) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DataSource raw = Generator.raw(ctx.getBean(DataSource.class));
            long have = jdbc.sql("SELECT COUNT(*) FROM res_person WHERE id >= ?").param(ID_BASE).query(Long.class).single();
            if (have == 0) {
                long t0 = System.nanoTime();
                generate(raw, jdbc, ctx.getBean(PersonalData.class), hmac(db), persons, houses);
                System.out.printf("residents db=%s generated persons=%d houses=%d seconds=%.0f%n", db.kind(), persons,
                        houses, (System.nanoTime() - t0) / 1e9);
            } else {
                persons = have;
                houses = jdbc.sql("SELECT COUNT(*) FROM res_house WHERE id >= ?").param(ID_BASE).query(Long.class).single();
            }
            Residents residents = ctx.getBean(Residents.class);
            CurrentUser gumei = Demo.user(jdbc, "gumei");
            CurrentUser cadre = Demo.user(jdbc, "cadre");
            CurrentUser town = Demo.user(jdbc, "dispatcher");
            String gridPath = jdbc.sql("SELECT path FROM region WHERE id = ?").param(gumei.scopeRegionId())
                    .query(String.class).single() + "%";
            List<Long> gridHouses = jdbc.sql("SELECT id FROM res_house WHERE region_path LIKE ? AND id >= ? LIMIT 500")
                    .params(gridPath, ID_BASE).query(Long.class).list();
            Mac mac = hmac(db);
            long n = persons;
            SplittableRandom random = new SplittableRandom(26);
            PageRequest first = new PageRequest(0, 20);
            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe("id_lookup_service", i -> residents.persons(new Residents.PersonQuery(null,
                    idCard(random.nextLong(n)), null, null, null, false, first), town)));
            probes.add(new Probe("id_lookup_sql", i -> sql(raw, "SELECT id, name, id_card_mask FROM res_person"
                    + " WHERE id_card_hash = ?", hash(mac, idCard(random.nextLong(n))))));
            probes.add(new Probe("houses_grid_page_service", i -> residents.houses(new Residents.HouseQuery(null, null,
                    null, first), gumei)));
            probes.add(new Probe("houses_grid_page_sql", i -> sql(raw, "SELECT id, address FROM res_house"
                    + " WHERE region_path LIKE ? ORDER BY address, id LIMIT 20", gridPath)));
            probes.add(new Probe("house_view_service", i -> residents.house(gridHouses.get(random.nextInt(
                    gridHouses.size())), gumei)));
            probes.add(new Probe("persons_grid_page_service", i -> residents.persons(new Residents.PersonQuery(null, null,
                    null, null, null, false, first), gumei)));
            probes.add(new Probe("persons_grid_page_sql", i -> sql(raw, """
                    SELECT p.id, p.name, p.id_card_mask FROM res_person p
                    WHERE p.region_path LIKE ? ORDER BY p.name, p.id LIMIT 20""", gridPath)));
            probes.add(new Probe("persons_name_search_town_service", i -> residents.persons(new Residents.PersonQuery(
                    "王秀兰", null, null, null, null, false, first), town)));
            probes.add(new Probe("persons_name_search_town_sql", i -> sql(raw, "SELECT id, name FROM res_person"
                    + " WHERE name LIKE ? ORDER BY name, id LIMIT 20", "王秀兰%")));
            probes.add(new Probe("persons_masked_id_town_service", i -> residents.persons(new Residents.PersonQuery(
                    idCard(random.nextLong(n)).substring(14), null, null, null, null, false, first), town)));
            probes.add(new Probe("persons_village_page_service", i -> residents.persons(new Residents.PersonQuery(null,
                    null, null, null, null, false, first), cadre)));
            probes.add(new Probe("care_list_grid_service", i -> residents.careList(java.util.Set.of("ALONE_ELDERLY"),
                    gumei)));
            System.out.printf("residents db=%s persons=%d houses=%d grid_houses~%d heap_max_mb=%d%n", db.kind(), persons,
                    houses, jdbc.sql("SELECT COUNT(*) FROM res_house WHERE region_path LIKE ?").param(gridPath)
                            .query(Long.class).single(), Runtime.getRuntime().maxMemory() / 1024 / 1024);
            for (Probe p : probes) {
                for (int i = 0; i < Math.max(3, iterations / 10); i++) {
                    p.call().accept(i);
                }
                double[] ms = new double[iterations];
                long start = System.nanoTime();
                int done = 0;
                for (int i = 0; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    p.call().accept(i);
                    ms[done++] = (System.nanoTime() - t0) / 1e6;
                    if (done >= 10 && (System.nanoTime() - start) / 1e9 > 20) {
                        break;
                    }
                }
                double[] s = Arrays.copyOf(ms, done);
                Arrays.sort(s);
                System.out.printf("residents db=%s query=%s p50=%.2fms p95=%.2fms p99=%.2fms n=%d%n", db.kind(), p.name(),
                        pct(s, 50), pct(s, 95), pct(s, 99), done);
            }
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void sql(DataSource ds, String sql, Object param) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The i-th person's ID number: a birth day and a sequence, unique for i below 21.9 million. */
    static String idCard(long i) {
        LocalDate birth = FIRST_BIRTH.plusDays(i % DAYS);
        return IdCardNumber.complete("370481" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", i / DAYS));
    }

    private static Mac hmac(BenchDb db) throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(db.dataDir().resolve("residents-lookup.key")).strip());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
    }

    private static String hash(Mac mac, String id) {
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Buildings of 2 units × 10 rooms over the town's unit grids; one household per house; people spread evenly. */
    private static void generate(DataSource ds, JdbcClient jdbc, PersonalData pii, Mac mac, long persons, long houses)
            throws Exception {
        List<Object[]> grids = jdbc.sql("SELECT id, path FROM region WHERE type = 'UNIT_GRID' ORDER BY id")
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
        Timestamp now = Timestamp.from(Instant.now());
        String[] family = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "徐", "胡", "朱", "高", "林"};
        String[] given = {"秀兰", "建华", "桂英", "志强", "玉梅", "国庆", "丽娜", "海涛", "淑珍", "明", "静", "磊"};
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("INSERT INTO res_building (id, name, address, region_id,"
                    + " region_path, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement u = c.prepareStatement("INSERT INTO res_unit (id, building_id, name) VALUES (?, ?, ?)");
                 PreparedStatement h = c.prepareStatement("INSERT INTO res_house (id, building_id, unit_id, room, address,"
                         + " region_id, region_path, house_use, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement hh = c.prepareStatement("INSERT INTO res_household (id, house_id, created_at)"
                         + " VALUES (?, ?, ?)")) {
                for (long i = 0; i < houses; i++) {
                    long building = i / 20;
                    Object[] grid = grids.get((int) (building % grids.size()));
                    String address = "木石镇生成" + building + "号楼";
                    if (i % 20 == 0) {
                        b.setLong(1, ID_BASE + building);
                        b.setString(2, address);
                        b.setString(3, address);
                        b.setLong(4, (Long) grid[0]);
                        b.setString(5, (String) grid[1]);
                        b.setTimestamp(6, now);
                        b.addBatch();
                    }
                    long unit = i / 10;
                    if (i % 10 == 0) {
                        u.setLong(1, ID_BASE + unit);
                        u.setLong(2, ID_BASE + building);
                        u.setString(3, (unit % 2 + 1) + "单元");
                        u.addBatch();
                    }
                    String room = (i % 10 / 2 + 1) + "0" + (i % 2 + 1);
                    h.setLong(1, ID_BASE + i);
                    h.setLong(2, ID_BASE + building);
                    h.setLong(3, ID_BASE + unit);
                    h.setString(4, room);
                    h.setString(5, address + (unit % 2 + 1) + "单元" + room + "室");
                    h.setLong(6, (Long) grid[0]);
                    h.setString(7, (String) grid[1]);
                    h.setString(8, i % 9 == 4 ? "RENTED" : "OWNER_OCCUPIED");
                    h.setTimestamp(9, now);
                    h.addBatch();
                    hh.setLong(1, ID_BASE + i);
                    hh.setLong(2, ID_BASE + i);
                    hh.setTimestamp(3, now);
                    hh.addBatch();
                    if (i % 2000 == 1999 || i == houses - 1) {
                        b.executeBatch();
                        u.executeBatch();
                        h.executeBatch();
                        hh.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO res_person (id, name, gender, birth_date,"
                    + " id_card_enc, id_card_hash, id_card_mask, phone_enc, phone_mask, kind, created_at, updated_at,"
                    + " region_path, id_card_tail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement m = c.prepareStatement("INSERT INTO res_member (id, household_id, person_id, relation,"
                         + " move_in) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement t = c.prepareStatement("INSERT INTO res_person_tag (person_id, tag_code) VALUES (?, ?)")) {
                LocalDate moveIn = LocalDate.of(2020, 1, 1);
                for (long i = 0; i < persons; i++) {
                    String id = idCard(i);
                    String phone = String.format("139%08d", i % 100_000_000L);
                    p.setLong(1, ID_BASE + i);
                    p.setString(2, family[(int) (i % family.length)] + given[(int) (i / family.length % given.length)]);
                    p.setString(3, IdCardNumber.gender(id));
                    p.setObject(4, IdCardNumber.birthDate(id).orElseThrow());
                    p.setString(5, pii.encrypt(id));
                    p.setString(6, hash(mac, id));
                    p.setString(7, PersonalData.maskIdCard(id));
                    p.setString(8, pii.encrypt(phone));
                    p.setString(9, PersonalData.maskPhone(phone));
                    p.setString(10, "REGISTERED");
                    p.setTimestamp(11, now);
                    p.setTimestamp(12, now);
                    long house = i * houses / persons;
                    p.setString(13, (String) grids.get((int) (house / 20 % grids.size()))[1]);
                    p.setString(14, id.substring(14));
                    p.addBatch();
                    m.setLong(1, ID_BASE + i);
                    m.setLong(2, ID_BASE + house);
                    m.setLong(3, ID_BASE + i);
                    m.setString(4, i == house * persons / houses ? "HEAD" : "OTHER");
                    m.setObject(5, moveIn);
                    m.addBatch();
                    if (i % 20 == 7) {
                        t.setLong(1, ID_BASE + i);
                        t.setString(2, i % 40 == 7 ? "ALONE_ELDERLY" : "LOW_INCOME");
                        t.addBatch();
                    }
                    if (i % 2000 == 1999 || i == persons - 1) {
                        p.executeBatch();
                        m.executeBatch();
                        t.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        jdbc.sql("ANALYZE").update();
    }
}
