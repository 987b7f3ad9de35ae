package cn.huying.cases.api;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.CaseView;
import cn.huying.cases.LedgerEntry;
import cn.huying.cases.SupervisionOrder;
import cn.huying.cases.TimeLimitRule;
import cn.huying.cases.internal.DeadlineSweep;
import cn.huying.cases.internal.TimeLimitRules;
import cn.huying.cases.internal.TimeLimitService;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "限时办结 Time limits", description = """
        办结时限在立案时按时限规则（渠道 × 分类时限键 × 紧急程度，取最严）和国家法定工作日计算并保存在事件上；
        黄灯：截止日前一个工作日起；红灯：截止日后第一个工作日起，同时签发一份督办单。""")
@RestController
class TimeLimitController {

    record FirstContactBody(Long version, String note) {
    }

    record ExtensionBody(Long version, Integer workingDays, String reason) {
    }

    record DecisionBody(String note) {
    }

    record ProgressBody(Long version, String reason, String nextSteps, LocalDate promisedDate) {
    }

    /** A rule as an administrator writes it; null means "any" for channel, key and urgency. */
    record RuleInput(String channel, String limitKey, String urgency, Integer firstContactDays, Integer completionDays,
                     Integer completionHours, String label) {
    }

    record RulesBody(String note, List<RuleInput> rules) {
    }

    private final TimeLimitService service;
    private final TimeLimitRules rules;
    private final DeadlineSweep sweep;
    private final CurrentUsers users;

    TimeLimitController(TimeLimitService service, TimeLimitRules rules, DeadlineSweep sweep, CurrentUsers users) {
        this.service = service;
        this.rules = rules;
        this.sweep = sweep;
        this.users = users;
    }

    @Operation(summary = "记录首次联系诉求人（12345 转办件须在 1 个工作日内）")
    @PostMapping("/api/cases/{id}/first-contact")
    @PreAuthorize(CasePermissions.HAS_FIRST_CONTACT)
    CaseView firstContact(@PathVariable long id, @RequestBody FirstContactBody body) {
        return service.firstContact(id, body.version(), body.note(), users.require());
    }

    @Operation(summary = "申请延期：须在办结时限届满前，最多 10 个工作日（可配置），由派遣员或领导审批")
    @PostMapping("/api/cases/{id}/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CasePermissions.HAS_EXTEND)
    TimeLimitService.Extension requestExtension(@PathVariable long id, @RequestBody ExtensionBody body) {
        return service.requestExtension(id, body.version(), body.workingDays(), body.reason(), users.require());
    }

    @Operation(summary = "事件的延期申请")
    @GetMapping("/api/cases/{id}/extensions")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    List<TimeLimitService.Extension> extensions(@PathVariable long id) {
        return service.extensions(id, users.require());
    }

    @Operation(summary = "批准延期：新的办结时限记入办理记录")
    @PostMapping("/api/cases/{id}/extensions/{extensionId}/approve")
    @PreAuthorize(CasePermissions.HAS_EXTENSION_APPROVE)
    TimeLimitService.Extension approve(@PathVariable long id, @PathVariable long extensionId,
                                       @RequestBody(required = false) DecisionBody body) {
        return service.decideExtension(id, extensionId, true, body == null ? null : body.note(), users.require());
    }

    @Operation(summary = "不同意延期")
    @PostMapping("/api/cases/{id}/extensions/{extensionId}/refuse")
    @PreAuthorize(CasePermissions.HAS_EXTENSION_APPROVE)
    TimeLimitService.Extension refuse(@PathVariable long id, @PathVariable long extensionId,
                                      @RequestBody(required = false) DecisionBody body) {
        return service.decideExtension(id, extensionId, false, body == null ? null : body.note(), users.require());
    }

    @Operation(summary = "待我审批的延期申请")
    @GetMapping("/api/extensions/pending")
    @PreAuthorize(CasePermissions.HAS_EXTENSION_APPROVE)
    List<TimeLimitService.Extension> pending() {
        return service.pendingExtensions(users.require());
    }

    @Operation(summary = "超期未办结：向群众反馈阶段性进展（原因、下一步措施、预计办结日期），须在超期后 3 个工作日内")
    @PostMapping("/api/cases/{id}/progress")
    @PreAuthorize(CasePermissions.HAS_PROGRESS)
    CaseView progress(@PathVariable long id, @RequestBody ProgressBody body) {
        return service.recordProgress(id, body.version(), body.reason(), body.nextSteps(), body.promisedDate(),
                users.require());
    }

    @Operation(summary = "台账：overdue 超期台账、problems 问题台账（挂账）、yellow 黄灯、red 红灯")
    @GetMapping("/api/ledgers/{ledger}")
    @PreAuthorize(CasePermissions.HAS_LEDGER_OR_SUPERVISION_VIEW)
    PageResult<LedgerEntry> ledger(@PathVariable String ledger, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return service.ledger(ledger, users.require(), PageRequest.of(page, size));
    }

    @Operation(summary = "督办单（open=true 只列未答复的）：超期、首次联系超时、承诺时限超时与领导督办")
    @GetMapping("/api/supervision-orders")
    @PreAuthorize(CasePermissions.HAS_SUPERVISION_VIEW)
    PageResult<SupervisionOrder> supervisionOrders(@RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size,
                                                   @RequestParam(defaultValue = "false") boolean open) {
        return service.supervisionOrders(users.require(), open, PageRequest.of(page, size));
    }

    @Operation(summary = "时限规则：全部版本（当前生效的在前）")
    @GetMapping("/api/time-limit-rules")
    @PreAuthorize("isAuthenticated()")
    List<TimeLimitRules.Version> rules() {
        return rules.versions();
    }

    @Operation(summary = "发布新版本的时限规则；已立案的事件仍按原版本计算")
    @PostMapping("/api/time-limit-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CasePermissions.HAS_RULE_EDIT)
    TimeLimitRules.Version publish(@RequestBody RulesBody body) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<TimeLimitRule> parsed = new java.util.ArrayList<>();
        List<RuleInput> input = body.rules() == null ? List.of() : body.rules();
        for (int i = 0; i < input.size(); i++) {
            RuleInput r = input.get(i);
            if (r == null) {
                errors.add("rules[" + i + "]", "rule.empty", i + 1);
                continue;
            }
            parsed.add(new TimeLimitRule(null, null,
                    CaseController.parse(cn.huying.cases.Channel.class, r.channel(), "rules[" + i + "].channel", errors),
                    r.limitKey(),
                    CaseController.parse(cn.huying.cases.Urgency.class, r.urgency(), "rules[" + i + "].urgency", errors),
                    r.firstContactDays(), r.completionDays(), r.completionHours(), r.label(), i));
        }
        errors.throwIfAny();
        return rules.publish(parsed, body.note(), users.require().username());
    }

    @Operation(summary = "立即执行一次时限巡检（平时每分钟自动执行）")
    @PostMapping("/api/sla/sweep")
    @PreAuthorize(CasePermissions.HAS_SLA_SWEEP)
    DeadlineSweep.Result sweep() {
        return sweep.sweep();
    }
}
