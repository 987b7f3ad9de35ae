package cn.huying.cases.api;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.SupervisionLevel;
import cn.huying.cases.SupervisionOrder;
import cn.huying.cases.internal.LeaderSupervision;
import cn.huying.cases.internal.ServiceLoopReads;
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

@Tag(name = "督办与回访 Supervision and revisits", description = """
        领导督办（综合督办、顶格推进、重点攻坚）与部门答复；回访队列与回访超时台账。""")
@RestController
class SupervisionController {

    private final LeaderSupervision supervision;
    private final ServiceLoopReads loop;
    private final CurrentUsers users;

    SupervisionController(LeaderSupervision supervision, ServiceLoopReads loop, CurrentUsers users) {
        this.supervision = supervision;
        this.loop = loop;
        this.users = users;
    }

    /** @param level GENERAL 综合督办, TOP 顶格推进, PRIORITY 重点攻坚; answerBy: the date to answer by */
    record OpenBody(String level, String demand, LocalDate answerBy) {
    }

    record AnswerBody(String answer) {
    }

    @Operation(summary = "领导对范围内的在办事件开具督办单（要求、答复期限），承办部门收到通知")
    @PostMapping("/api/cases/{id}/supervision-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CasePermissions.HAS_SUPERVISION_OPEN)
    SupervisionOrder open(@PathVariable long id, @RequestBody OpenBody body) {
        SupervisionLevel level = null;
        if (body.level() != null && !body.level().isBlank()) {
            try {
                level = SupervisionLevel.valueOf(body.level().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("level", "supervision.level.required",
                        new Object[0])));
            }
        }
        return supervision.open(id, level, body.demand(), body.answerBy(), users.require());
    }

    @Operation(summary = "事件的督办单")
    @GetMapping("/api/cases/{id}/supervision-orders")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    List<SupervisionOrder> ofCase(@PathVariable long id) {
        return supervision.ofCase(id, users.require());
    }

    @Operation(summary = "承办部门答复督办单（只答复一次）")
    @PostMapping("/api/supervision-orders/{id}/answer")
    @PreAuthorize(CasePermissions.HAS_SUPERVISION_ANSWER)
    SupervisionOrder answer(@PathVariable long id, @RequestBody AnswerBody body) {
        return supervision.answer(id, body.answer(), users.require());
    }

    @Operation(summary = "回访：status=due 待回访（带时限灯），missed 回访超时台账")
    @GetMapping("/api/revisits")
    @PreAuthorize(CasePermissions.HAS_REVISIT_AND_LEDGER_VIEW)
    PageResult<ServiceLoopReads.Revisit> revisits(@RequestParam(defaultValue = "due") String status,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        return loop.revisits(status, users.require(), PageRequest.of(page, size));
    }
}
