package cn.huying.analytics.api;

import cn.huying.analytics.DeadlineLedgerFilter;
import cn.huying.analytics.LedgerEntry;
import cn.huying.analytics.internal.DeadlineLedgers;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deadline ledgers 台账 as JSON (the pages and their Excel exports are {@code /ledgers/…}). */
@Tag(name = "限时办结 Time limits")
@RestController
class DeadlineLedgerController {

    private final DeadlineLedgers ledgers;
    private final CurrentUsers users;

    DeadlineLedgerController(DeadlineLedgers ledgers, CurrentUsers users) {
        this.ledgers = ledgers;
        this.users = users;
    }

    @Operation(summary = "台账：overdue 超期台账、problems 问题台账（挂账）、yellow 黄灯、red 红灯")
    @GetMapping("/api/ledgers/{ledger}")
    @PreAuthorize("hasAnyAuthority('ledger:view', 'supervision:view')")
    PageResult<LedgerEntry> ledger(@PathVariable String ledger, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return ledgers.ledger(ledger, DeadlineLedgerFilter.none(), users.require(), PageRequest.of(page, size),
                ledgers.now());
    }
}
