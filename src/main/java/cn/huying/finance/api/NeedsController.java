package cn.huying.finance.api;

import cn.huying.finance.CloseReason;
import cn.huying.finance.EngagementStatus;
import cn.huying.finance.FinancePermissions;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.NeedStatus;
import cn.huying.finance.internal.AlertView;
import cn.huying.finance.internal.EngagementView;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.FinanceSettings;
import cn.huying.finance.internal.NeedService;
import cn.huying.finance.internal.NeedView;
import cn.huying.finance.internal.StepView;
import cn.huying.finance.internal.Suggestions;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "阳光产融·融资需求 Finance needs", description = "企业发布融资需求；银行抢单或金融办分派（每个需求的银行数有上限）；"
        + "银行按状态表推进对接，每一步留痕；首次联系须在工作日期限内完成，否则名额释放并通知金融办。金额单位元，利率为小数（0.0435 = 4.35%）。")
@RestController
class NeedsController {

    static final String ENTERPRISE = "hasAuthority('" + FinancePermissions.ENTERPRISE + "')";
    static final String BANK = "hasAuthority('" + FinancePermissions.BANK + "')";
    static final String OFFICE = "hasAuthority('" + FinancePermissions.OFFICE + "')";

    record NeedRequest(String purpose, BigDecimal amount, Integer termMonths, BigDecimal maxRate, GuaranteeType guarantee,
                       boolean publish) {
    }

    /** A need with the engagements the caller may see, and matching suggestions for its owner and the office. */
    record NeedDetail(NeedView need, List<EngagementView> engagements, List<Suggestions.Suggestion> suggestions) {
    }

    record AdvanceRequest(EngagementStatus to, BigDecimal amount, String note) {
    }

    record AssignRequest(Long bankId) {
    }

    record CloseRequest(CloseReason reason) {
    }

    record EngagementDetail(EngagementView engagement, List<StepView> steps) {
    }

    private final NeedService needs;
    private final FinanceActors actors;
    private final Suggestions suggestions;
    private final FinanceSettings settings;

    NeedsController(NeedService needs, FinanceActors actors, Suggestions suggestions, FinanceSettings settings) {
        this.needs = needs;
        this.actors = actors;
        this.suggestions = suggestions;
        this.settings = settings;
    }

    @Operation(summary = "企业发布（或保存草稿）融资需求")
    @PostMapping("/api/finance/needs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ENTERPRISE)
    NeedView post(@RequestBody NeedRequest body) {
        return needs.post(actors.enterprise(), new NeedService.NewNeed(body.purpose(), body.amount(), body.termMonths(),
                body.maxRate(), body.guarantee(), body.publish()));
    }

    @Operation(summary = "本企业的融资需求")
    @GetMapping("/api/finance/needs/mine")
    @PreAuthorize(ENTERPRISE)
    List<NeedView> mine() {
        return needs.mine(actors.enterprise());
    }

    @Operation(summary = "发布草稿")
    @PostMapping("/api/finance/needs/{id}/publish")
    @PreAuthorize(ENTERPRISE)
    NeedView publish(@PathVariable long id) {
        return needs.publish(actors.enterprise(), id);
    }

    @Operation(summary = "企业撤回需求")
    @PostMapping("/api/finance/needs/{id}/withdraw")
    @PreAuthorize(ENTERPRISE)
    NeedView withdraw(@PathVariable long id) {
        return needs.withdraw(actors.enterprise(), id);
    }

    @Operation(summary = "银行可见的需求：已发布、对接中，及本行参与的")
    @GetMapping("/api/finance/bank/needs")
    @PreAuthorize(BANK)
    List<NeedView> forBank() {
        return needs.visibleTo(actors.bank());
    }

    @Operation(summary = "全部需求（金融办）")
    @GetMapping("/api/finance/needs")
    @PreAuthorize(OFFICE)
    List<NeedView> all(@RequestParam(required = false) NeedStatus status) {
        return needs.all(status);
    }

    @Operation(summary = "需求详情：企业看本企业的，银行看可见的（只含本行对接），金融办看全部")
    @GetMapping("/api/finance/needs/{id}")
    @PreAuthorize(ENTERPRISE + " or " + BANK + " or " + OFFICE)
    NeedDetail one(@PathVariable long id) {
        var user = actors.user();
        if (user.can(FinancePermissions.OFFICE)) {
            NeedView n = needs.any(id);
            return new NeedDetail(n, needs.engagementsOfNeed(id), suggestions.forNeed(n));
        }
        if (user.can(FinancePermissions.BANK)) {
            FinanceActors.BankActor bank = actors.bank();
            return new NeedDetail(needs.forBank(bank, id), needs.engagementsOfNeedForBank(bank, id), List.of());
        }
        NeedView n = needs.ofEnterprise(actors.enterprise(), id);
        return new NeedDetail(n, needs.engagementsOfNeed(id), suggestions.forNeed(n));
    }

    @Operation(summary = "银行抢单（占用一个名额）")
    @PostMapping("/api/finance/needs/{id}/take")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BANK)
    EngagementView take(@PathVariable long id) {
        return needs.take(actors.bank(), id);
    }

    @Operation(summary = "金融办分派给银行")
    @PostMapping("/api/finance/needs/{id}/assign")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OFFICE)
    EngagementView assign(@PathVariable long id, @RequestBody AssignRequest body) {
        if (body == null || body.bankId() == null) {
            throw DomainException.invalid("finance.bank.required");
        }
        return needs.assign(id, body.bankId(), actors.user().username());
    }

    @Operation(summary = "金融办关闭需求（未成功 FAILED / 过期 EXPIRED）")
    @PostMapping("/api/finance/needs/{id}/close")
    @PreAuthorize(OFFICE)
    NeedView close(@PathVariable long id, @RequestBody CloseRequest body) {
        return needs.closeByOffice(id, body == null ? null : body.reason());
    }

    @Operation(summary = "对接列表：银行看本行的，金融办看全部")
    @GetMapping("/api/finance/engagements")
    @PreAuthorize(BANK + " or " + OFFICE)
    List<EngagementView> engagements() {
        if (actors.user().can(FinancePermissions.OFFICE)) {
            return needs.allEngagements();
        }
        return needs.pipeline(actors.bank());
    }

    @Operation(summary = "对接详情及每一步记录")
    @GetMapping("/api/finance/engagements/{id}")
    @PreAuthorize(ENTERPRISE + " or " + BANK + " or " + OFFICE)
    EngagementDetail engagement(@PathVariable long id) {
        var user = actors.user();
        EngagementView e = user.can(FinancePermissions.OFFICE) ? needs.engagement(id)
                : user.can(FinancePermissions.BANK) ? needs.engagementForBank(actors.bank(), id)
                : needs.engagementForEnterprise(actors.enterprise(), id);
        return new EngagementDetail(e, needs.steps(id));
    }

    @Operation(summary = "银行推进对接一步（APPROVED、DISBURSED 须填金额）")
    @PostMapping("/api/finance/engagements/{id}/advance")
    @PreAuthorize(BANK)
    EngagementView advance(@PathVariable long id, @RequestBody AdvanceRequest body) {
        return needs.advance(actors.bank(), id, body.to(), body.amount(), body.note());
    }

    @Operation(summary = "超时提醒（金融办）")
    @GetMapping("/api/finance/alerts")
    @PreAuthorize(OFFICE)
    List<AlertView> alerts() {
        return needs.alerts();
    }

    @Operation(summary = "平台设置：每个需求的银行上限、首次联系工作日数、利率上限")
    @GetMapping("/api/finance/settings")
    @PreAuthorize(OFFICE)
    FinanceSettings.Values settings() {
        return settings.get();
    }

    @Operation(summary = "修改平台设置（金融办）")
    @PutMapping("/api/finance/settings")
    @PreAuthorize(OFFICE)
    FinanceSettings.Values updateSettings(@RequestBody FinanceSettings.Values body) {
        return settings.update(body);
    }
}
