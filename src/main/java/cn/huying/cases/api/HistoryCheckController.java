package cn.huying.cases.api;

import cn.huying.cases.internal.HistoryChecks;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 全程留痕核验 (issue 30): checks the sealed history of one case, a region's cases or all cases. */
@Tag(name = "事件 Cases")
@RestController
class HistoryCheckController {

    /** What to check: {@code all}, a case's code or a region's code. */
    record StartCheck(String scope) {
    }

    private final HistoryChecks checks;
    private final CurrentUsers users;

    HistoryCheckController(HistoryChecks checks, CurrentUsers users) {
        this.checks = checks;
        this.users = users;
    }

    @Operation(summary = "开始一次留痕核验（all、事件编号或区划代码），后台执行；202 返回核验记录，进度见 GET")
    @PostMapping("/api/history-checks")
    @PreAuthorize("hasAuthority('history:verify')")
    ResponseEntity<HistoryChecks.Run> start(@RequestBody StartCheck body) {
        CurrentUser user = users.require();
        HistoryChecks.Run run = checks.start(checks.scope(body == null ? null : body.scope(), user), user.username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run);
    }

    @Operation(summary = "一次核验的进度与结果：已核事件数、断链事件数、每件事件的首个断点（事件编号、第几条、记录号、问题）")
    @GetMapping("/api/history-checks/{id}")
    @PreAuthorize("hasAuthority('history:verify')")
    HistoryChecks.Run get(@PathVariable long id) {
        return checks.find(id).orElseThrow(() -> DomainException.notFound("history.check.not-found", id));
    }

    @Operation(summary = "最近的核验记录")
    @GetMapping("/api/history-checks")
    @PreAuthorize("hasAuthority('history:verify')")
    List<HistoryChecks.Run> recent() {
        return checks.recent(20);
    }
}
