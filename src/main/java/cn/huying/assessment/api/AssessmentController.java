package cn.huying.assessment.api;

import cn.huying.assessment.FactCase;
import cn.huying.assessment.GridScores;
import cn.huying.assessment.GridScores.GridScore;
import cn.huying.assessment.GridScores.IndicatorSet;
import cn.huying.assessment.Rate;
import cn.huying.assessment.RateFigure;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.assessment.VillageAssessment;
import cn.huying.assessment.VillageAssessment.Checklist;
import cn.huying.assessment.VillageAssessment.ChecklistInput;
import cn.huying.assessment.VillageAssessment.MonthFigures;
import cn.huying.assessment.VillageAssessment.TargetInput;
import cn.huying.assessment.VillageAssessment.ThreeDown;
import cn.huying.assessment.VillageAssessment.VillageSheet;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "考核 Assessment", description = "考核指标（结案率、按期结案率、处置率、返工率、及时派遣率、回退率、延期率、满意率、响应率、"
        + "网格/村居/镇域内解决率）及同比、网格员月度考核、村居年终目标与平安村居/平安网格、三下降一提升。公式见 docs/assessment.md。")
@RestController
@RequestMapping("/api/assessment")
class AssessmentController {

    private static final String VIEW = "hasAuthority(T(cn.huying.assessment.AssessmentPermissions).VIEW)";
    private static final String EDIT = "hasAuthority(T(cn.huying.assessment.AssessmentPermissions).EDIT)";

    record NewIndicatorSet(LocalDate validFrom, String note, List<GridScores.Weight> weights,
                           List<GridScores.Grade> grades) {
    }

    record Confirmed(YearMonth month, int grids) {
    }

    record Imported(int rows) {
    }

    private final Rates rates;
    private final GridScores scores;
    private final VillageAssessment villages;
    private final CurrentUsers users;
    private final Clock clock;

    AssessmentController(Rates rates, GridScores scores, VillageAssessment villages, CurrentUsers users, Clock clock) {
        this.rates = rates;
        this.scores = scores;
        this.villages = villages;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "各项考核指标及去年同期", description = "from/to 为日期（含），缺省为本年 1 月 1 日至今天；"
            + "每项给出分子、分母与百分比（保留一位小数），分母为 0 时百分比为 null。")
    @GetMapping("/rates")
    @PreAuthorize(VIEW)
    List<RateFigure> rates(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                           @RequestParam(required = false) Long regionId, @RequestParam(required = false) Long departmentId,
                           @RequestParam(required = false) Long categoryId, @RequestParam(required = false) String channel,
                           @RequestParam(required = false) String kind) {
        return rates.rates(filter(from, to, regionId, departmentId, categoryId, channel, kind), users.require());
    }

    @Operation(summary = "某项指标背后的事件", description = "part=denominator（分母，默认）或 numerator（分子）；lastYear=true 为去年同期。")
    @GetMapping("/rates/{rate}/cases")
    @PreAuthorize(VIEW)
    List<FactCase> rateCases(@PathVariable String rate, @RequestParam(required = false) LocalDate from,
                             @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Long regionId,
                             @RequestParam(required = false) Long departmentId,
                             @RequestParam(required = false) Long categoryId,
                             @RequestParam(required = false) String channel, @RequestParam(required = false) String kind,
                             @RequestParam(defaultValue = "denominator") String part,
                             @RequestParam(defaultValue = "false") boolean lastYear,
                             @RequestParam(defaultValue = "200") int limit) {
        RateFilter f = filter(from, to, regionId, departmentId, categoryId, channel, kind);
        return rates.cases(rate(rate), lastYear ? f.lastYear() : f, "numerator".equals(part), limit, users.require());
    }

    @Operation(summary = "网格员月度考核（镇街查看全部）", description = "month 形如 2026-11；已确认的月份返回确认时冻结的得分。")
    @GetMapping("/grid-scores")
    @PreAuthorize(VIEW)
    List<GridScore> gridScores(@RequestParam YearMonth month, @RequestParam(required = false) Long regionId) {
        return scores.month(month, regionId, users.require());
    }

    @Operation(summary = "本人（网格员）月度考核得分及计算过程")
    @GetMapping("/grid-scores/mine")
    @PreAuthorize("hasAuthority(T(cn.huying.assessment.AssessmentPermissions).OWN_SCORE)")
    GridScore myScore(@RequestParam(required = false) YearMonth month) {
        return scores.own(month == null ? YearMonth.now(clock) : month, users.require());
    }

    @Operation(summary = "某网格的月度考核")
    @GetMapping("/grid-scores/{gridId}")
    @PreAuthorize(VIEW)
    GridScore gridScore(@PathVariable long gridId, @RequestParam YearMonth month) {
        return scores.grid(gridId, month, users.require());
    }

    @Operation(summary = "确认（冻结）某月考核", description = "月份须已结束；确认后得分不再变化。重复确认返回 409。")
    @PostMapping("/grid-scores/confirm")
    @PreAuthorize(EDIT)
    Confirmed confirm(@RequestParam YearMonth month) {
        return new Confirmed(month, scores.confirm(month, users.require()));
    }

    @GetMapping("/indicator-sets")
    @PreAuthorize(VIEW)
    List<IndicatorSet> indicatorSets() {
        return scores.indicatorSets();
    }

    @Operation(summary = "新建考核指标版本", description = "validFrom 须为某月 1 日；该月及以后已有确认月份时返回 409。")
    @PostMapping("/indicator-sets")
    @PreAuthorize(EDIT)
    IndicatorSet newIndicatorSet(@RequestBody NewIndicatorSet body) {
        return scores.newIndicatorSet(body.validFrom(), body.note(), body.weights(), body.grades(), users.require());
    }

    @Operation(summary = "村居年终目标考核表（含诉源治理实效）")
    @GetMapping("/villages/{villageId}/sheet")
    @PreAuthorize(VIEW)
    VillageSheet sheet(@PathVariable long villageId, @RequestParam(required = false) Integer year) {
        return villages.sheet(villageId, year == null ? LocalDate.now(clock).getYear() : year, users.require());
    }

    @PutMapping("/villages/{villageId}/targets")
    @PreAuthorize(EDIT)
    VillageSheet targets(@PathVariable long villageId, @RequestParam int year, @RequestBody List<TargetInput> targets) {
        return villages.setTargets(villageId, year, targets, users.require());
    }

    @Operation(summary = "平安村居（六好九无）/平安网格 创建清单", description = "checklist 为 SAFE_VILLAGE 或 SAFE_GRID。")
    @GetMapping("/checklists/{regionId}/{checklist}")
    @PreAuthorize(VIEW)
    Checklist checklist(@PathVariable long regionId, @PathVariable String checklist,
                        @RequestParam(required = false) Integer year) {
        return villages.checklist(regionId, year == null ? LocalDate.now(clock).getYear() : year, checklist,
                users.require());
    }

    @Operation(summary = "填报清单", description = "达标（met=true）的条目须附佐证材料说明 evidence。")
    @PutMapping("/checklists/{regionId}/{checklist}")
    @PreAuthorize(EDIT)
    Checklist recordChecklist(@PathVariable long regionId, @PathVariable String checklist, @RequestParam int year,
                              @RequestBody List<ChecklistInput> answers) {
        return villages.recordChecklist(regionId, year, checklist, answers, users.require());
    }

    @Operation(summary = "录入某村居某月的信访、刑事案件、诉讼数")
    @PutMapping("/three-down/{villageId}/{month}")
    @PreAuthorize(EDIT)
    Map<String, Object> recordMonth(@PathVariable long villageId, @PathVariable YearMonth month,
                                    @RequestBody MonthFigures figures) {
        villages.recordMonth(villageId, month, figures, users.require());
        return Map.of("villageId", villageId, "month", month.toString());
    }

    @Operation(summary = "从 Excel 导入三下降数据", description = "首行为表头；各列：村居 | 月份(yyyy-MM) | 信访 | 刑事案件 | 诉讼。"
            + "任一行有误则整表不导入。")
    @PostMapping(path = "/three-down/import", consumes = "multipart/form-data")
    @PreAuthorize(EDIT)
    Imported importMonths(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Imported(villages.importMonths(in, users.require()));
        }
    }

    @Operation(summary = "三下降一提升：各村居与合计的同比", description = "from/to 形如 2026-01；changePercent 为负表示下降。")
    @GetMapping("/three-down")
    @PreAuthorize(VIEW)
    ThreeDown threeDown(@RequestParam YearMonth from, @RequestParam YearMonth to,
                        @RequestParam(required = false) Long regionId) {
        return villages.threeDown(from, to, regionId, users.require());
    }

    private RateFilter filter(LocalDate from, LocalDate to, Long regionId, Long departmentId, Long categoryId,
                              String channel, String kind) {
        LocalDate today = LocalDate.now(clock);
        return new RateFilter(regionId, departmentId, categoryId, blank(channel), blank(kind),
                from == null ? today.withDayOfYear(1) : from, to == null ? today : to);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Rate rate(String name) {
        try {
            return Rate.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("assessment.rate.unknown", name);
        }
    }
}
