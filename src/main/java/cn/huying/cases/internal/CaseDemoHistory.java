package cn.huying.cases.internal;

import cn.huying.shared.DemoData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo history 演示历史件: about fourteen months of finished cases (some 600) in the demo town (木石镇), so that rates, year-on-year
 * figures, the weekly report and the high-frequency issues show something for a new user. Owned by cases because it
 * writes cases' tables; written in bulk (batched INSERTs, a few thousand rows) since it runs at every start with demo
 * data on, and only when no history case (code {@code MSH-…}) is there yet. Every case is finished (closed, revisited
 * or refused), so no work queue, ledger, deadline sweep or duplicate search sees one.
 */
@Component
class CaseDemoHistory implements DemoData {

    static final String PREFIX = "MSH-";
    private static final int DAYS = 430;

    /** category code, title, description: recurring issues of a town, some seasonal or rising (see {@link #weight}). */
    private static final String[][] ISSUES = {
            {"LIVE_HEATING", "暖气管道漏水", "小区暖气管道漏水，楼道积水结冰，请尽快维修供暖管道"},
            {"LIVE_HEATING", "供暖温度不达标", "家中暖气不热，供暖温度不达标，老人孩子受冻"},
            {"LIVE_SANITATION", "垃圾清运不及时", "路边垃圾堆积，垃圾清运不及时，气味难闻"},
            {"LIVE_SANITATION", "公共厕所卫生差", "村口公共厕所卫生差，无人保洁"},
            {"URBAN_STREET_VENDOR", "早市摊贩占道经营", "早市摊贩占道经营，堵塞道路，车辆无法通行"},
            {"URBAN_ROAD_TRAVEL", "路灯不亮", "村内路灯不亮，夜间出行不便，存在安全隐患"},
            {"URBAN_ROAD_TRAVEL", "道路坑洼积水", "道路坑洼不平，雨后积水严重，群众出行困难"},
            {"DISPUTE_NEIGHBOUR", "噪音扰民引发邻里纠纷", "楼上住户夜间噪音扰民，邻里发生争吵纠纷"},
            {"DISPUTE_LAND", "宅基地边界纠纷", "两户村民因宅基地边界发生纠纷，要求村里调解"},
            {"DISPUTE_LABOUR", "拖欠农民工工资", "工地拖欠农民工工资，工人讨薪无果"},
            {"SAFETY_FIRE", "电动车楼道充电", "居民在楼道内给电动车充电，飞线充电存在火灾隐患"},
            {"SAFETY_FIRE", "消防通道被占用", "楼道堆放杂物，消防通道被占用"},
            {"SAFETY_GAS", "燃气管道老化", "燃气管道老化，闻到燃气异味"},
            {"LIVE_WATER_POWER", "自来水水压低", "小区自来水水压低，高层住户停水"},
            {"REQ_CONSULT", "咨询医保缴费政策", "咨询城乡居民医保缴费政策和缴费时间"},
            {"URBAN_ILLEGAL_BUILD", "私搭乱建彩钢房", "有住户私搭乱建彩钢房，违章搭建影响邻居采光"},
            {"LIVE_PROPERTY", "电梯故障物业不作为", "小区电梯故障多次，物业不作为，维修不及时"},
    };
    private static final String[] CHANNELS = {"GRID_REPORT", "GRID_REPORT", "GRID_REPORT", "GRID_REPORT",
            "HOTLINE_12345", "HOTLINE_12345", "HOTLINE_12345", "PUBLIC_PHONE", "ONLINE_LETTER", "WALK_IN"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final HistoryChain chain;

    CaseDemoHistory(JdbcClient jdbc, JdbcTemplate batches, Clock clock, HistoryChain chain) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.chain = chain;
    }

    @Override
    public int order() {
        return -100;
    }

    private record Grid(long id, long townId, double lat, double lng) {
    }

    /** A case to write, its history rows (case id first, filled in later) and their seals (issue 30). */
    private record Plan(Object[] row, List<Object[]> history, HistoryChain.Sealed sealed) {
    }

    @Override
    public void load() {
        if (jdbc.sql("SELECT COUNT(*) FROM case_file WHERE code LIKE ?").param(PREFIX + "%").query(Long.class).single() > 0) {
            return;
        }
        Long townId = jdbc.sql("SELECT id FROM region WHERE type = 'TOWN' AND name = '木石镇'").query(Long.class)
                .optional().orElse(null);
        if (townId == null) {
            return;
        }
        List<Grid> grids = jdbc.sql("""
                SELECT g.id, (g.min_lat + g.max_lat) / 2 AS lat, (g.min_lng + g.max_lng) / 2 AS lng FROM region g
                 JOIN region v ON v.id = g.parent_id WHERE g.type = 'BASIC_GRID' AND v.parent_id = ? ORDER BY g.id""")
                .param(townId).query((rs, i) -> new Grid(rs.getLong(1), townId, rs.getDouble(2), rs.getDouble(3))).list();
        Map<String, long[]> categories = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        jdbc.sql("SELECT c.code, c.id, d.id, c.kind FROM case_category c"
                        + " LEFT JOIN department d ON d.kind = c.default_department_kind")
                .query(rs -> {
                    categories.putIfAbsent(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                    kinds.put(rs.getLong(2), rs.getString(4));
                });
        Long worker = jdbc.sql("SELECT id FROM app_user WHERE username = 'gumei'").query(Long.class).optional().orElse(null);
        Long dispatcher = jdbc.sql("SELECT id FROM app_user WHERE username = 'dispatcher'").query(Long.class).optional()
                .orElse(null);
        if (grids.isEmpty() || worker == null || dispatcher == null) {
            return;
        }
        // 顾梅's grid gets a steady share, so her own score page has a month to show
        Long workerGrid = jdbc.sql("SELECT scope_region_id FROM app_user WHERE id = ?").param(worker).query(Long.class)
                .optional().orElse(null);
        Grid hers = grids.stream().filter(g -> workerGrid != null && g.id() == workerGrid).findFirst()
                .orElse(grids.get(0));
        long started = System.nanoTime();
        Random random = new Random(27);
        LocalDate today = LocalDate.now(clock);
        List<Plan> plans = new ArrayList<>();
        int seq = 0;
        for (int back = DAYS; back >= 3; back--) {
            LocalDate day = today.minusDays(back);
            int perDay = day.getDayOfWeek().getValue() >= 6 ? random.nextInt(2) : 1 + random.nextInt(2);
            for (int k = 0; k < perDay; k++) {
                int issue = pickIssue(random, day, today);
                Grid grid = random.nextDouble() < 0.15 ? hers : grids.get(random.nextInt(grids.size()));
                plans.add(plan(++seq, day, today, issue, grid, categories, worker, dispatcher, random));
            }
        }
        batches.batchUpdate("""
                INSERT INTO case_file (code, kind, category_id, channel, urgency, title, description, lat, lng, address,
                  region_id, town_id, state, tier, tier_path, resolved_tier, department_id, rework_count, unsatisfied_count,
                  satisfaction, reply, created_by, created_at, updated_at, dispatched_at, accepted_at, resolved_at,
                  closed_at, received_at, rule_version, first_contact_due_at, first_contacted_at, due_at, version,
                  history_head, history_length)
                VALUES (?, ?, ?, ?, 'NORMAL', ?, ?, ?, ?, NULL, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 1, ?, ?)""",
                plans.stream().map(p -> {
                    Object[] row = java.util.Arrays.copyOf(p.row(), p.row().length + 2);
                    row[1] = kinds.get((Long) row[1]);
                    row[row.length - 2] = p.sealed().head();
                    row[row.length - 1] = p.sealed().length();
                    return row;
                }).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT code, id FROM case_file WHERE code LIKE ?").param(PREFIX + "%")
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<Object[]> history = new ArrayList<>();
        List<Object[]> extensions = new ArrayList<>();
        for (Plan p : plans) {
            long id = ids.get((String) p.row()[0]);
            for (int k = 0; k < p.history().size(); k++) {
                Object[] h = p.history().get(k);
                Object[] row = java.util.Arrays.copyOf(h, h.length + 2);
                row[0] = id;
                row[h.length] = p.sealed().links().get(k).position();
                row[h.length + 1] = p.sealed().links().get(k).seal();
                if ("EXTENSION_APPROVED".equals(row[1])) {
                    extensions.add(new Object[]{id, row[9], dispatcher, row[10], row[10], row[10], dispatcher, row[10]});
                }
                history.add(row);
            }
        }
        batches.batchUpdate("""
                INSERT INTO case_history (case_id, action, from_state, to_state, tier, department_id, actor_id, actor_name,
                  actor_role, note, at, seq, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", history);
        batches.batchUpdate("""
                INSERT INTO case_extension (case_id, working_days, reason, status, requested_by, requested_at, old_due_at,
                  new_due_at, decided_by, decided_at) VALUES (?, 3, ?, 'APPROVED', ?, ?, ?, ?, ?, ?)""", extensions);
        LoggerFactory.getLogger(CaseDemoHistory.class).info("演示历史件已载入：{} 件，{} 条历史（{} ms）", plans.size(),
                history.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Heating in the cold months, electric-bike charging rising over the last two months. */
    private static int pickIssue(Random random, LocalDate day, LocalDate today) {
        while (true) {
            int i = random.nextInt(ISSUES.length);
            if (random.nextDouble() < weight(ISSUES[i][1], day, today)) {
                return i;
            }
        }
    }

    private static double weight(String title, LocalDate day, LocalDate today) {
        int month = day.getMonthValue();
        if (title.contains("暖气") || title.contains("供暖")) {
            return month >= 11 || month <= 2 ? 1.0 : 0.05;
        }
        if (title.contains("电动车")) {
            return ChronoUnit.DAYS.between(day, today) < 60 ? 1.0 : 0.2;
        }
        return 0.5;
    }

    private Plan plan(int seq, LocalDate day, LocalDate today, int issue, Grid grid, Map<String, long[]> categories,
                      long worker, long dispatcher, Random random) {
        String[] text = ISSUES[issue];
        long[] category = categories.get(text[0]);
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        boolean lastYear = ChronoUnit.DAYS.between(day, today) > 365;
        Instant received = day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(clock.getZone()).toInstant();
        String code = PREFIX + day.toString().replace("-", "") + "-" + String.format("%04d", seq);
        List<Object[]> h = new ArrayList<>();
        boolean grid0 = channel.equals("GRID_REPORT");
        h.add(history("REPORT", null, "REPORTED", "GRID", null, grid0 ? worker : dispatcher,
                grid0 ? "GRID_WORKER" : "DISPATCHER", text[2], received));
        double lat = grid.lat() + (random.nextDouble() - 0.5) * 0.002;
        double lng = grid.lng() + (random.nextDouble() - 0.5) * 0.002;
        Instant firstContactDue = channel.equals("HOTLINE_12345") ? received.plus(Duration.ofDays(1)) : null;
        Instant firstContacted = firstContactDue == null ? null
                : received.plus(Duration.ofHours(random.nextInt(lastYear ? 34 : 28)));
        Long department = category[1] == 0 ? null : category[1];
        String state;
        String tier;
        String resolvedTier;
        Instant dispatched = null;
        Instant accepted = null;
        Instant resolved = null;
        Instant closed = null;
        Instant due = null;
        int rework = 0;
        String satisfaction = null;
        boolean hazard = text[0].startsWith("SAFETY");
        if (random.nextDouble() < (hazard ? 0.15 : 0.05)) {
            state = "REJECTED";
            tier = "TOWN";
            resolvedTier = null;
            department = null;
            h.add(history("REJECT", "REPORTED", "REJECTED", "TOWN", null, dispatcher, "DISPATCHER", "经核实不属实",
                    received.plus(Duration.ofHours(2))));
        } else if (grid0 && !hazard && random.nextDouble() < 0.4) {
            tier = "GRID";
            resolvedTier = "GRID";
            department = null;
            resolved = received.plus(Duration.ofMinutes(30 + random.nextInt(180)));
            closed = resolved.plus(Duration.ofHours(2));
            due = received.plus(Duration.ofDays(5));
            h.add(history("RESOLVE_ON_SPOT", "REPORTED", "RESOLVED", "GRID", null, worker, "GRID_WORKER", "已就地办结", resolved));
            h.add(history("CLOSE", "RESOLVED", "CLOSED", "GRID", null, dispatcher, "DISPATCHER", "结案", closed));
            state = "CLOSED";
        } else {
            tier = text[0].startsWith("DISPUTE") && random.nextBoolean() ? "VILLAGE" : "TOWN";
            resolvedTier = tier;
            Instant registered = received.plus(Duration.ofMinutes(20 + random.nextInt(120)));
            h.add(history("REGISTER", "REPORTED", "REGISTERED", tier, null, dispatcher, "DISPATCHER", "立案", registered));
            dispatched = registered.plus(Duration.ofHours(random.nextInt(lastYear ? 40 : 30)));
            h.add(history("DISPATCH", "REGISTERED", "DISPATCHED", tier, department, dispatcher, "DISPATCHER", "派遣", dispatched));
            if (random.nextDouble() < 0.06) {
                h.add(history("RETURN", "DISPATCHED", "RETURNED", tier, department, dispatcher, "HANDLER", "非本部门职责",
                        dispatched.plus(Duration.ofHours(3))));
                dispatched = dispatched.plus(Duration.ofHours(5));
                h.add(history("DISPATCH", "RETURNED", "DISPATCHED", tier, department, dispatcher, "DISPATCHER", "改派", dispatched));
            }
            accepted = dispatched.plus(Duration.ofHours(1));
            h.add(history("ACCEPT", "DISPATCHED", "ACCEPTED", tier, department, dispatcher, "HANDLER", "签收", accepted));
            due = dispatched.plus(Duration.ofDays(channel.equals("HOTLINE_12345") ? 5 : 7));
            if (random.nextDouble() < 0.04) {
                h.add(history("EXTENSION_APPROVED", "ACCEPTED", "ACCEPTED", tier, department, dispatcher, "DISPATCHER",
                        "需协调多个部门", accepted.plus(Duration.ofHours(4))));
                due = due.plus(Duration.ofDays(3));
            }
            if (random.nextDouble() < 0.03) {
                h.add(history("PARK", "ACCEPTED", "PARKED", tier, department, dispatcher, "DISPATCHER", "暂不具备解决条件，挂账",
                        accepted.plus(Duration.ofHours(6))));
                h.add(history("RESUME", "PARKED", "ACCEPTED", tier, department, dispatcher, "DISPATCHER", "恢复办理",
                        accepted.plus(Duration.ofDays(3))));
            }
            resolved = accepted.plus(Duration.ofHours(4 + random.nextInt(lastYear ? 200 : 150)));
            h.add(history("RESOLVE", "ACCEPTED", "RESOLVED", tier, department, dispatcher, "HANDLER", "已办理", resolved));
            if (random.nextDouble() < (lastYear ? 0.08 : 0.04)) {
                rework = 1;
                h.add(history("REOPEN", "RESOLVED", "REOPENED", tier, department, dispatcher, "DISPATCHER", "核查未通过，重办",
                        resolved.plus(Duration.ofHours(5))));
                resolved = resolved.plus(Duration.ofDays(1));
                h.add(history("RESOLVE", "REOPENED", "RESOLVED", tier, department, dispatcher, "HANDLER", "重新办理", resolved));
            }
            h.add(history("VERIFY", "RESOLVED", "VERIFIED", tier, department, dispatcher, "DISPATCHER", "核查属实",
                    resolved.plus(Duration.ofHours(2))));
            closed = resolved.plus(Duration.ofHours(3));
            h.add(history("CLOSE", "VERIFIED", "CLOSED", tier, department, dispatcher, "DISPATCHER", "结案", closed));
            state = "CLOSED";
        }
        if (closed != null && random.nextDouble() < 0.8) {
            double r = random.nextDouble();
            satisfaction = r < (lastYear ? 0.72 : 0.82) ? "SATISFIED" : r < (lastYear ? 0.9 : 0.97)
                    ? "BASICALLY_SATISFIED" : "UNSATISFIED";
            h.add(history("REVISIT", "CLOSED", "REVISITED", tier, department, dispatcher, "DISPATCHER",
                    satisfaction.equals("SATISFIED") ? "满意" : satisfaction.equals("UNSATISFIED") ? "不满意" : "基本满意",
                    closed.plus(Duration.ofHours(20))));
            state = "REVISITED";
        }
        Instant updated = (Instant) h.get(h.size() - 1)[10];
        // sealed as the repository seals (HistoryChain): action … at, the attachment ids (none) before the time
        HistoryChain.Sealed sealed = chain.sealFields(code, null, 0, h.stream().map(e -> java.util.Arrays.asList(
                e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], null, e[10])).toList());
        for (Object[] row : h) {
            row[10] = Timestamp.from((Instant) row[10]);
        }
        Object[] row = {code, category[0], category[0], channel, text[1], text[2], lat, lng, grid.id(), grid.townId(),
                state, tier, tier, resolvedTier, department, rework, 0, satisfaction, closed == null ? null : "已办结",
                grid0 ? worker : dispatcher, ts(received), ts(updated), ts(dispatched), ts(accepted), ts(resolved),
                ts(closed), ts(received), ts(firstContactDue), ts(firstContacted), ts(due)};
        return new Plan(row, h, sealed);
    }

    private static Object[] history(String action, String from, String to, String tier, Long department, long actor,
                                     String role, String note, Instant at) {
        return new Object[]{null, action, from, to, tier, department, actor, null, role, note, at};
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
