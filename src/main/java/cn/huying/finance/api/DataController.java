package cn.huying.finance.api;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.internal.BankService;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.PoolService;
import cn.huying.finance.internal.StatsService;
import cn.huying.finance.internal.WaybillService;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "阳光产融·数据与资金池 Finance data, pools, statistics", description = "物流e贷：运单导入（CSV/Excel，逐行核验），"
        + "数据信用报告（银行须经企业授权方可查看，授权可撤回）；风险补偿与担保资金池台账；按银行、期间统计；银行机构管理。")
@RestController
class DataController {

    record BankRequest(String code, String name, Long parentId) {
    }

    record BankUserRequest(String username, String displayName, String password) {
    }

    record AmountRequest(BigDecimal amount, String note) {
    }

    record LoanRequest(Long bankId, String borrower, BigDecimal principal) {
    }

    record ClaimRequest(BigDecimal loss, BigDecimal amount) {
    }

    private final WaybillService waybills;
    private final PoolService pools;
    private final StatsService stats;
    private final BankService banks;
    private final FinanceActors actors;
    private final cn.huying.identity.AuditLog audit;

    DataController(WaybillService waybills, PoolService pools, StatsService stats, BankService banks, FinanceActors actors,
                   cn.huying.identity.AuditLog audit) {
        this.audit = audit;
        this.waybills = waybills;
        this.pools = pools;
        this.stats = stats;
        this.banks = banks;
        this.actors = actors;
    }

    @Operation(summary = "导入运单（CSV 或 .xlsx；首行为表头：运单号,起运地,目的地,运费,发货日期,签收日期）")
    @PostMapping(path = "/api/finance/waybills/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(NeedsController.ENTERPRISE)
    WaybillService.ImportResult importWaybills(@RequestParam("file") MultipartFile file) throws IOException {
        return waybills.importFile(actors.enterprise(), file.getOriginalFilename(), file.getBytes());
    }

    @Operation(summary = "本企业的数据信用报告")
    @GetMapping("/api/finance/credit-report")
    @PreAuthorize(NeedsController.ENTERPRISE)
    WaybillService.CreditReport ownReport() {
        return waybills.ownReport(actors.enterprise());
    }

    @Operation(summary = "授权银行查看数据信用报告")
    @PostMapping("/api/finance/consent")
    @PreAuthorize(NeedsController.ENTERPRISE)
    WaybillService.Consent grant() {
        return waybills.grant(actors.enterprise());
    }

    @Operation(summary = "撤回授权")
    @PostMapping("/api/finance/consent/withdraw")
    @PreAuthorize(NeedsController.ENTERPRISE)
    WaybillService.Consent withdraw() {
        return waybills.withdraw(actors.enterprise());
    }

    @Operation(summary = "当前授权状态")
    @GetMapping("/api/finance/consent")
    @PreAuthorize(NeedsController.ENTERPRISE)
    WaybillService.Consent consent() {
        return waybills.consent(actors.enterprise().id());
    }

    @Operation(summary = "银行查看企业数据信用报告（须企业授权且本行正在对接其需求，否则 404）")
    @GetMapping("/api/finance/enterprises/{enterpriseId}/credit-report")
    @PreAuthorize(NeedsController.BANK)
    WaybillService.CreditReport reportForBank(@PathVariable long enterpriseId) {
        FinanceActors.BankActor bank = actors.bank();
        WaybillService.CreditReport report = waybills.reportForBank(bank, enterpriseId);
        audit.record("CREDIT_REPORT_VIEW", "enterprise:" + enterpriseId, bank.bankName());
        return report;
    }

    @Operation(summary = "银行下载企业数据信用报告（Word；同样须企业授权且本行正在对接，查阅记入审计）")
    @GetMapping("/api/finance/enterprises/{enterpriseId}/credit-report.docx")
    @PreAuthorize(NeedsController.BANK)
    ResponseEntity<byte[]> reportDocument(@PathVariable long enterpriseId) {
        FinanceActors.BankActor bank = actors.bank();
        WaybillService.CreditReport report = waybills.reportForBank(bank, enterpriseId);
        audit.record("CREDIT_REPORT_VIEW", "enterprise:" + enterpriseId, bank.bankName());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credit-report-" + enterpriseId + ".docx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(waybills.document(report, bank.bankName()));
    }

    @Operation(summary = "统计：按银行、期间（金融办看全部银行，银行只看本行）")
    @GetMapping("/api/finance/stats")
    @PreAuthorize("hasAuthority('" + FinancePermissions.STATS + "')")
    StatsService.Stats stats(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        Long bank = actors.user().can(FinancePermissions.OFFICE) ? null : actors.bank().bankId();
        return stats.stats(from, to, bank);
    }

    @Operation(summary = "银行机构列表")
    @GetMapping("/api/finance/banks")
    @PreAuthorize(NeedsController.OFFICE)
    List<BankService.Bank> banks() {
        return banks.list();
    }

    @Operation(summary = "新增银行（总行/分行，或其下支行）")
    @PostMapping("/api/finance/banks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.OFFICE)
    BankService.Bank createBank(@RequestBody BankRequest body) {
        return banks.create(body.code(), body.name(), body.parentId());
    }

    @Operation(summary = "为银行开设客户经理账号")
    @PostMapping("/api/finance/banks/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.OFFICE)
    BankService.BankUser addBankUser(@PathVariable long id, @RequestBody BankUserRequest body) {
        return banks.addUser(id, body.username(), body.displayName(), body.password());
    }

    @Operation(summary = "资金池及余额（余额 = 全部流水之和）")
    @GetMapping("/api/finance/pools")
    @PreAuthorize(NeedsController.OFFICE)
    List<PoolService.Pool> pools() {
        return pools.pools();
    }

    @Operation(summary = "资金池流水")
    @GetMapping("/api/finance/pools/{id}/entries")
    @PreAuthorize(NeedsController.OFFICE)
    List<PoolService.Entry> entries(@PathVariable long id) {
        return pools.entries(id);
    }

    @Operation(summary = "资金池登记的贷款")
    @GetMapping("/api/finance/pools/{id}/loans")
    @PreAuthorize(NeedsController.OFFICE)
    List<PoolService.Loan> loans(@PathVariable long id) {
        return pools.loans(id);
    }

    @Operation(summary = "注资")
    @PostMapping("/api/finance/pools/{id}/contributions")
    @PreAuthorize(NeedsController.OFFICE)
    PoolService.Pool contribute(@PathVariable long id, @RequestBody AmountRequest body) {
        return pools.contribute(id, body.amount(), body.note(), actors.user().username());
    }

    @Operation(summary = "登记入池贷款")
    @PostMapping("/api/finance/pools/{id}/loans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.OFFICE)
    PoolService.Loan registerLoan(@PathVariable long id, @RequestBody LoanRequest body) {
        if (body.bankId() == null) {
            throw DomainException.invalid("finance.bank.required");
        }
        return pools.registerLoan(id, body.bankId(), body.borrower(), body.principal());
    }

    @Operation(summary = "代偿（不超过损失 × 比例、单笔上限与余额）")
    @PostMapping("/api/finance/pools/{id}/loans/{loanId}/claims")
    @PreAuthorize(NeedsController.OFFICE)
    PoolService.Pool claim(@PathVariable long id, @PathVariable long loanId, @RequestBody ClaimRequest body) {
        return pools.claim(id, loanId, body.loss(), body.amount(), actors.user().username());
    }

    @Operation(summary = "追偿返还")
    @PostMapping("/api/finance/pools/{id}/loans/{loanId}/recoveries")
    @PreAuthorize(NeedsController.OFFICE)
    PoolService.Pool recover(@PathVariable long id, @PathVariable long loanId, @RequestBody AmountRequest body) {
        return pools.recover(id, loanId, body.amount(), actors.user().username());
    }

    @Operation(summary = "资金池台账（Excel）")
    @GetMapping("/api/finance/pools/{id}/ledger.xlsx")
    @PreAuthorize(NeedsController.OFFICE)
    ResponseEntity<byte[]> ledger(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pool-" + id + "-ledger.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(pools.ledger(id));
    }
}
