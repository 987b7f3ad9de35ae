package cn.huying.mediation.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.mediation.MediationPermissions;
import cn.huying.mediation.internal.DisputeInput;
import cn.huying.mediation.internal.DisputeIntake;
import cn.huying.mediation.internal.DisputeLedger;
import cn.huying.mediation.internal.DisputeWork;
import cn.huying.mediation.internal.Disputes;
import cn.huying.mediation.internal.FilterParams;
import cn.huying.mediation.internal.MediationOrgs;
import cn.huying.mediation.internal.MediationStats;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 矛盾纠纷调解 over REST: intake, the mediators' work, documents, the ledger and statistics. */
@RestController
@RequestMapping("/api/mediation")
class DisputeController {

    /** The answer to a write: the dispute's id (and a document's, where one was made). */
    record Written(long id, Long documentId) {
    }

    record AssignBody(Long orgId, List<Long> mediatorIds) {
    }

    record InviteBody(Long userId) {
    }

    record ReasonBody(String reason) {
    }

    record PerformanceBody(String state, String note) {
    }

    record DecisionBody(Boolean confirmed, String note) {
    }

    private final DisputeIntake intake;
    private final DisputeWork work;
    private final DisputeLedger ledger;
    private final MediationStats stats;
    private final MediationOrgs orgs;
    private final CurrentUsers users;

    DisputeController(DisputeIntake intake, DisputeWork work, DisputeLedger ledger, MediationStats stats,
                      MediationOrgs orgs, CurrentUsers users) {
        this.intake = intake;
        this.work = work;
        this.ledger = ledger;
        this.stats = stats;
        this.orgs = orgs;
        this.users = users;
    }

    @Operation(summary = "调解组织及其调解员（镇、村、企三级，法庭、派出所）")
    @GetMapping("/orgs")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    List<MediationOrgs.OrgWithMembers> orgs() {
        return orgs.all();
    }

    @Operation(summary = "受理纠纷：由事件移交（caseId）、来访登记或人民法庭委派/委托（courtMode PRE_FILING/ENTRUSTED）",
            description = "当事人 side 为 APPLICANT/申请人 或 RESPONDENT/被申请人，每方至少一人；amountClaimed 为元，最多两位小数。")
    @PostMapping("/disputes")
    @PreAuthorize("hasAuthority('" + MediationPermissions.INTAKE + "')")
    ResponseEntity<Written> open(@RequestBody DisputeInput.Open body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Written(intake.open(body, users.require()), null));
    }

    @Operation(summary = "纠纷列表（调解员只见本组织及受邀参与的纠纷）")
    @GetMapping("/disputes")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    PageResult<Disputes.Summary> list(@RequestParam(required = false) String level,
                                      @RequestParam(required = false) Long orgId,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        return ledger.list(FilterParams.parse(level, orgId, type, state, from, to), page, size, users.require());
    }

    @GetMapping("/disputes/{id}")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    Disputes.Detail get(@PathVariable long id) {
        return work.detail(id, users.require());
    }

    @Operation(summary = "当事人完整信息（姓名、身份证号、电话；记入审计日志）")
    @GetMapping("/disputes/{id}/parties")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    List<Disputes.PartyFull> parties(@PathVariable long id) {
        return work.parties(id, users.require());
    }

    @Operation(summary = "分流：交由某一层级的调解组织")
    @PostMapping("/disputes/{id}/assign")
    @PreAuthorize("hasAuthority('" + MediationPermissions.INTAKE + "')")
    Written assign(@PathVariable long id, @RequestBody AssignBody body) {
        intake.assign(id, body.orgId(), body.mediatorIds(), users.require());
        return new Written(id, null);
    }

    @Operation(summary = "联调：邀请法庭、派出所等其他组织的人员参与")
    @PostMapping("/disputes/{id}/mediators")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    Written invite(@PathVariable long id, @RequestBody InviteBody body) {
        intake.invite(id, body.userId(), users.require());
        return new Written(id, null);
    }

    @Operation(summary = "退回：调解组织不受理，事件退回指挥中心")
    @PostMapping("/disputes/{id}/decline")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    Written decline(@PathVariable long id, @RequestBody ReasonBody body) {
        intake.decline(id, body.reason(), users.require());
        return new Written(id, null);
    }

    @Operation(summary = "记录调解会（时间、地点或视频链接、参加人员、调解记录）")
    @PostMapping("/disputes/{id}/meetings")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    ResponseEntity<Written> meeting(@PathVariable long id, @RequestBody DisputeInput.Meeting body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Written(work.meeting(id, body, users.require()), null));
    }

    @Operation(summary = "调解会附件")
    @PostMapping(path = "/disputes/{id}/meetings/{meetingId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    ResponseEntity<Written> attach(@PathVariable long id, @PathVariable long meetingId,
                                   @RequestPart("file") MultipartFile file) throws IOException {
        long doc = work.attach(id, meetingId, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                users.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Written(id, doc));
    }

    @Operation(summary = "调解结果：SUCCEEDED 调解成功（生成调解协议书）、FAILED 调解不成、TERMINATED 终止（生成告知书）")
    @PostMapping("/disputes/{id}/outcome")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    Written outcome(@PathVariable long id, @RequestBody DisputeInput.Outcome body) {
        return new Written(id, work.outcome(id, body, users.require()));
    }

    @Operation(summary = "下载纠纷的文书（调解协议书、告知书记入审计日志）或调解会附件")
    @GetMapping("/disputes/{id}/documents/{documentId}")
    @PreAuthorize("hasAuthority('" + MediationPermissions.VIEW + "')")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        Disputes.StoredDocument d = work.document(id, documentId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }

    @Operation(summary = "履行回访：PERFORMED 已履行、PARTIAL 部分履行、DEFAULTED 未履行")
    @PostMapping("/disputes/{id}/performance")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    Written performance(@PathVariable long id, @RequestBody PerformanceBody body) {
        work.performance(id, body.state(), body.note(), users.require());
        return new Written(id, null);
    }

    @Operation(summary = "申请司法确认（调解协议生效后 30 日内）")
    @PostMapping("/disputes/{id}/confirmation")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    Written applyConfirmation(@PathVariable long id) {
        work.applyConfirmation(id, users.require());
        return new Written(id, null);
    }

    @Operation(summary = "记录人民法庭的司法确认裁定")
    @PostMapping("/disputes/{id}/confirmation/decision")
    @PreAuthorize("hasAuthority('" + MediationPermissions.HANDLE + "')")
    Written decideConfirmation(@PathVariable long id, @RequestBody DecisionBody body) {
        work.decideConfirmation(id, body.confirmed(), body.note(), users.require());
        return new Written(id, null);
    }

    @Operation(summary = "矛盾纠纷台账（Excel，与列表相同的筛选条件）")
    @GetMapping("/ledger.xlsx")
    @PreAuthorize("hasAuthority('" + MediationPermissions.LEDGER + "')")
    ResponseEntity<byte[]> ledger(@RequestParam(required = false) String level,
                                  @RequestParam(required = false) Long orgId,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        byte[] book = ledger.export(FilterParams.parse(level, orgId, type, state, from, to), users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("矛盾纠纷台账.xlsx", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(book);
    }

    @Operation(summary = "矛盾纠纷统计：groupBy level 层级 / org 调解组织 / type 纠纷类型；from/to 受理日期")
    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('" + MediationPermissions.STATS + "')")
    Map<String, Object> stats(@RequestParam(defaultValue = "level") String groupBy,
                              @RequestParam(required = false) String level,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        return Map.of("groupBy", groupBy, "rows", stats.stats(groupBy, FilterParams.parse(level, null, type, null, from, to),
                users.require()));
    }
}
