package cn.huying.assessment.internal;

import cn.huying.assessment.RateFigure;
import cn.huying.assessment.VillageAssessment.Checklist;
import cn.huying.assessment.VillageAssessment.ChecklistInput;
import cn.huying.assessment.VillageAssessment.ChecklistLine;
import cn.huying.assessment.VillageAssessment.TargetInput;
import cn.huying.assessment.VillageAssessment.TargetLine;
import cn.huying.assessment.VillageAssessment.VillageSheet;
import cn.huying.identity.CurrentUser;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The villages' year-end target sheets 年终目标 and the 平安村居 / 平安网格 checklists. */
@Component
class VillageSheets {

    /** The items of the sheet with their default target (percent) and weight, in order. */
    static final Map<String, Object[]> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("SOURCE_GOVERNANCE", new Object[]{"诉源治理实效（纠纷村居内化解率）", new BigDecimal("80.0"), 30});
        ITEMS.put("PETITIONS_DOWN", new Object[]{"信访量同比下降率", new BigDecimal("10.0"), 20});
        ITEMS.put("SATISFACTION", new Object[]{"群众满意率", new BigDecimal("90.0"), 20});
        ITEMS.put("ON_TIME_CLOSURE", new Object[]{"按期结案率", new BigDecimal("90.0"), 20});
        ITEMS.put("SAFE_VILLAGE", new Object[]{"平安村居创建（六好九无达标率）", new BigDecimal("100.0"), 10});
    }

    static final RateQueries.Formula SOURCE_GOVERNANCE = new RateQueries.Formula("f.resolved_at",
            "f.kind = 'DISPUTE' AND f.resolved_tier IS NOT NULL", "f.resolved_tier IN ('GRID', 'VILLAGE')");

    private final JdbcClient jdbc;
    private final RateQueries queries;
    private final Scopes scopes;
    private final ThreeDownFigures threeDown;
    private final Clock clock;

    VillageSheets(JdbcClient jdbc, RateQueries queries, Scopes scopes, ThreeDownFigures threeDown, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.scopes = scopes;
        this.threeDown = threeDown;
        this.clock = clock;
    }

    VillageSheet sheet(long villageId, int year, CurrentUser viewer) {
        RegionView village = village(villageId, viewer);
        Map<String, Object[]> targets = new HashMap<>();
        jdbc.sql("SELECT item, target, weight FROM assessment_village_target WHERE target_year = ? AND village_id = ?")
                .params(year, villageId).query(rs -> {
                    targets.put(rs.getString(1), new Object[]{rs.getBigDecimal(2), rs.getInt(3)});
                });
        FactScope scope = new FactScope(village.path(), null, null, null, null, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), null);
        List<TargetLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var e : ITEMS.entrySet()) {
            Object[] set = targets.get(e.getKey());
            BigDecimal target = set == null ? (BigDecimal) e.getValue()[1] : (BigDecimal) set[0];
            int weight = set == null ? (Integer) e.getValue()[2] : (Integer) set[1];
            Object[] actual = actual(e.getKey(), village, scope, year);
            BigDecimal value = (BigDecimal) actual[0];
            boolean met = value != null && value.compareTo(target) >= 0;
            BigDecimal points = value == null ? BigDecimal.ZERO.setScale(1) : target.signum() == 0
                    ? BigDecimal.valueOf(weight).setScale(1)
                    : BigDecimal.valueOf(weight).multiply(value.min(target).max(BigDecimal.ZERO))
                    .divide(target, 1, RoundingMode.HALF_UP);
            total = total.add(points);
            lines.add(new TargetLine(e.getKey(), (String) e.getValue()[0], target, weight, value, met, points,
                    (String) actual[1]));
        }
        return new VillageSheet(villageId, village.name(), year, lines, total);
    }

    private Object[] actual(String item, RegionView village, FactScope scope, int year) {
        return switch (item) {
            case "SOURCE_GOVERNANCE" -> share(queries.count(SOURCE_GOVERNANCE, scope));
            case "SATISFACTION" -> share(queries.count(RateFormula.SATISFACTION, scope));
            case "ON_TIME_CLOSURE" -> share(queries.count(RateFormula.ON_TIME_CLOSURE, scope));
            case "PETITIONS_DOWN" -> {
                long now = threeDown.petitions(village.id(), year);
                long before = threeDown.petitions(village.id(), year - 1);
                yield new Object[]{before == 0 ? null : BigDecimal.valueOf((before - now) * 100L)
                        .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP), before + " → " + now};
            }
            case "SAFE_VILLAGE" -> {
                Checklist c = checklist(village, year, "SAFE_VILLAGE");
                yield new Object[]{RateFigure.percent(c.met(), c.total()), c.met() + " / " + c.total()};
            }
            default -> throw new IllegalStateException(item);
        };
    }

    private static Object[] share(RateQueries.Counts c) {
        return new Object[]{RateFigure.percent(c.numerator(), c.denominator()), c.numerator() + " / " + c.denominator()};
    }

    VillageSheet setTargets(long villageId, int year, List<TargetInput> targets, CurrentUser by) {
        village(villageId, by);
        for (TargetInput t : targets) {
            if (!ITEMS.containsKey(t.item())) {
                throw DomainException.invalid("assessment.target.unknown", t.item());
            }
            if (t.target() == null || t.target().signum() < 0 || t.target().compareTo(BigDecimal.valueOf(100)) > 0
                    || t.weight() < 0 || t.weight() > 100) {
                throw DomainException.invalid("assessment.target.invalid", t.item());
            }
        }
        for (TargetInput t : targets) {
            jdbc.sql("DELETE FROM assessment_village_target WHERE target_year = ? AND village_id = ? AND item = ?")
                    .params(year, villageId, t.item()).update();
            jdbc.sql("INSERT INTO assessment_village_target (target_year, village_id, item, target, weight) VALUES (?, ?, ?, ?, ?)")
                    .params(year, villageId, t.item(), t.target().setScale(1, RoundingMode.HALF_UP), t.weight()).update();
        }
        return sheet(villageId, year, by);
    }

    Checklist checklist(long regionId, int year, String checklist, CurrentUser viewer) {
        return checklist(checklistRegion(regionId, checklist, viewer), year, checklist);
    }

    Checklist recordChecklist(long regionId, int year, String checklist, List<ChecklistInput> answers, CurrentUser by) {
        RegionView region = checklistRegion(regionId, checklist, by);
        List<String> codes = jdbc.sql("SELECT code FROM assessment_checklist_item WHERE checklist = ?").param(checklist)
                .query(String.class).list();
        for (ChecklistInput a : answers) {
            if (!codes.contains(a.code())) {
                throw DomainException.invalid("assessment.checklist.item-unknown", a.code());
            }
            if (a.met() && (a.evidence() == null || a.evidence().isBlank())) {
                throw DomainException.invalid("assessment.checklist.evidence-missing", a.code());
            }
            if (a.evidence() != null && a.evidence().length() > 1000) {
                throw DomainException.invalid("assessment.checklist.evidence-long", a.code());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ChecklistInput a : answers) {
            jdbc.sql("DELETE FROM assessment_checklist_entry WHERE region_id = ? AND target_year = ? AND checklist = ? AND item_code = ?")
                    .params(regionId, year, checklist, a.code()).update();
            jdbc.sql("""
                    INSERT INTO assessment_checklist_entry (region_id, target_year, checklist, item_code, met, evidence, recorded_by,
                      recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(regionId, year, checklist, a.code(), a.met(),
                            a.evidence() == null ? null : a.evidence().strip(), by.username(), now).update();
        }
        return checklist(region, year, checklist);
    }

    private Checklist checklist(RegionView region, int year, String checklist) {
        List<ChecklistLine> lines = jdbc.sql("""
                SELECT i.code, i.label, COALESCE(e.met, FALSE) AS met, e.evidence, e.recorded_by, e.recorded_at
                  FROM assessment_checklist_item i
                  LEFT JOIN assessment_checklist_entry e ON e.checklist = i.checklist AND e.item_code = i.code
                       AND e.region_id = ? AND e.target_year = ?
                 WHERE i.checklist = ? ORDER BY i.sort_order""").params(region.id(), year, checklist)
                .query((rs, i) -> new ChecklistLine(rs.getString("code"), rs.getString("label"), rs.getBoolean("met"),
                        rs.getString("evidence"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("recorded_at", OffsetDateTime.class).toInstant())).list();
        int met = (int) lines.stream().filter(ChecklistLine::met).count();
        return new Checklist(region.id(), region.name(), year, checklist, lines, met, lines.size(),
                !lines.isEmpty() && met == lines.size());
    }

    private RegionView checklistRegion(long regionId, String checklist, CurrentUser user) {
        RegionView region = scopes.region(user, regionId);
        boolean fits = switch (checklist == null ? "" : checklist) {
            case "SAFE_VILLAGE" -> region.type() == RegionType.VILLAGE;
            case "SAFE_GRID" -> region.type().isGrid();
            default -> throw DomainException.invalid("assessment.checklist.unknown", checklist);
        };
        if (!fits) {
            throw DomainException.invalid("assessment.checklist.region-type", region.name());
        }
        return region;
    }

    RegionView village(long villageId, CurrentUser user) {
        RegionView v = scopes.region(user, villageId);
        if (v.type() != RegionType.VILLAGE) {
            throw DomainException.notFound("assessment.village.not-found", villageId);
        }
        return v;
    }
}
