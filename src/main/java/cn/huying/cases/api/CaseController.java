package cn.huying.cases.api;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.ActionRequest;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseCommand;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.DuplicateCandidate;
import cn.huying.cases.HistoryView;
import cn.huying.cases.NewCase;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Upload;
import cn.huying.cases.Urgency;
import cn.huying.cases.internal.CasesFacade;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "事件 Cases", description = """
        一个事件模型贯穿上报到回访。数据范围外的事件答 404；无权执行的操作答 403；
        状态不允许或版本已过期答 409，消息中给出当前状态和可执行的操作。""")
@RestController
@RequestMapping("/api/cases")
class CaseController {

    /** A report. Enumerations are given by name, e.g. {@code "channel":"GRID_REPORT"}. */
    record CreateCaseRequest(String category, String channel, String urgency, String title, String description,
                             Double lat, Double lng, String address, Long regionId, String reporterName,
                             String reporterPhone, Boolean resolvedOnSpot, String onSpotReply,
                             java.time.OffsetDateTime receivedAt, java.time.OffsetDateTime externalDueAt,
                             Boolean toTown) {
    }

    /**
     * The answer to a report: the case, and of the open cases that may be the same matter (重复件) the nearest few
     * ({@code candidates}, {@code huying.cases.duplicates.shown-at-intake}, default 5) and how many there are
     * ({@code candidateCount}, at most 50: {@code GET /api/cases/{id}/duplicates} lists them).
     */
    record CreatedCase(long id, String code, CaseState state, String stateLabel, Tier tier, long version,
                       List<DuplicateCandidate> candidates, int candidateCount, CaseView detail) {
    }

    /** The fields of an action: {@code version} always; the rest as the action needs. */
    record ActionBody(Long version, String note, Long departmentId, Long handlerId, Long leadCaseId,
                      String satisfaction, String receivingBody) {
    }

    private final Cases cases;
    private final CasesFacade service;
    private final CurrentUsers users;

    CaseController(Cases cases, CasesFacade service, CurrentUsers users) {
        this.cases = cases;
        this.service = service;
        this.users = users;
    }

    @Operation(summary = "上报事件 / 提交诉求（JSON）",
            description = "201 新建；同一用户以相同 Idempotency-Key 重发时答 200 并返回第一次建立的事件。")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CasePermissions.HAS_REPORT)
    ResponseEntity<CreatedCase> create(@RequestBody CreateCaseRequest body,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return submit(body, key, List.of());
    }

    @Operation(summary = "上报事件并附照片或文件（multipart：部分 case 为 JSON，部分 files 为文件）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CasePermissions.HAS_REPORT)
    ResponseEntity<CreatedCase> createWithFiles(@RequestPart("case") CreateCaseRequest body,
                                                @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return submit(body, key, uploads(files));
    }

    private ResponseEntity<CreatedCase> submit(CreateCaseRequest body, String key, List<Upload> files) {
        CurrentUser user = users.require();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Channel channel = parse(Channel.class, body.channel(), "channel", errors);
        Urgency urgency = parse(Urgency.class, body.urgency(), "urgency", errors);
        errors.throwIfAny();
        NewCase report = new NewCase(body.category(), channel, urgency, body.title(), body.description(), body.lat(),
                body.lng(), body.address(), body.regionId(), body.reporterName(), body.reporterPhone(),
                Boolean.TRUE.equals(body.resolvedOnSpot()), body.onSpotReply(), files, key,
                body.receivedAt() == null ? null : body.receivedAt().toInstant(),
                body.externalDueAt() == null ? null : body.externalDueAt().toInstant(),
                Boolean.TRUE.equals(body.toTown()));
        Cases.Submitted submitted;
        try {
            submitted = cases.submit(report, user);
        } catch (DataIntegrityViolationException e) {
            // a concurrent retry with the same Idempotency-Key committed first: answer with its case
            submitted = service.replay(key, user).orElseThrow(() -> e);
        }
        CaseView c = submitted.c();
        CreatedCase created = new CreatedCase(c.id(), c.code(), c.state(), c.stateLabel(), c.tier(), c.version(),
                submitted.candidates(), submitted.candidateCount(), c);
        return ResponseEntity.status(submitted.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(submitted.replay()))
                .body(created);
    }

    @Operation(summary = "事件列表：限数据范围，按上报时间倒序，分页，含总数（多于 1000 条时只数到上限：totalExact 为 false，total 为下限）")
    @GetMapping
    @PreAuthorize(CasePermissions.HAS_VIEW)
    PageResult<CaseSummary> list(@RequestParam(required = false) String state,
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String tier,
                                 @RequestParam(required = false) Long regionId,
                                 @RequestParam(required = false) Long departmentId,
                                 @Parameter(description = "编号、标题或描述中的文字") @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        CaseState s = parse(CaseState.class, state, "state", errors);
        CaseKind k = parse(CaseKind.class, kind, "kind", errors);
        Tier t = parse(Tier.class, tier, "tier", errors);
        errors.throwIfAny();
        return cases.list(new CaseQuery(s, k, t, regionId, departmentId, q, PageRequest.of(page, size)), users.require());
    }

    @Operation(summary = "事件详情（含当前用户可执行的操作）")
    @GetMapping("/{id}")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    CaseView get(@PathVariable long id) {
        return cases.get(id, users.require());
    }

    @Operation(summary = "按编号查事件，如 MS-20260315-0007")
    @GetMapping("/by-code/{code}")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    CaseView byCode(@PathVariable String code) {
        return cases.getByCode(code, users.require());
    }

    @Operation(summary = "办理记录（只增不改）")
    @GetMapping("/{id}/history")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    List<HistoryView> history(@PathVariable long id) {
        return cases.history(id, users.require());
    }

    @Operation(summary = "疑似重复件：同类、附近、近期的未办结事件")
    @GetMapping("/{id}/duplicates")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    List<DuplicateCandidate> duplicates(@PathVariable long id) {
        return cases.duplicates(id, users.require());
    }

    @Operation(summary = "诉求人完整联系方式（记入审计日志）")
    @GetMapping("/{id}/contact")
    @PreAuthorize(CasePermissions.HAS_VIEW_CONTACT)
    Cases.Contact contact(@PathVariable long id) {
        return cases.contact(id, users.require());
    }

    @Operation(summary = "对事件执行操作", description = """
            action：resolve-on-spot 就地办结、escalate 上报升级、register 立案受理、reject 不予受理、dispatch 派遣、
            accept 签收、return 回退、resolve 办理答复、verify 核查、close 结案、reopen 重办、merge 合并、
            transfer 移送、park 挂账、resume 恢复办理、revisit 回访评价。
            必须带上 version（看到的版本；事件的每次变更都会使版本加一，被合并进来的主件也是）；dispatch 需 departmentId；merge 需 leadCaseId；transfer 需 note（理由）与 receivingBody（移送单位，如“滕州市公安局木石派出所”）；revisit 需 satisfaction
            （SATISFIED / BASICALLY_SATISFIED / UNSATISFIED）；reject、return、escalate、park、transfer、reopen 需 note（理由）；
            resolve、resolve-on-spot 需 note（答复）。""")
    @PostMapping(path = "/{id}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CasePermissions.HAS_VIEW)
    CaseView act(@PathVariable long id, @PathVariable String action, @RequestBody ActionBody body) {
        return doAct(id, action, body, List.of());
    }

    @Operation(summary = "对事件执行操作并附照片或文件（multipart：部分 action 为 JSON，部分 files 为文件）")
    @PostMapping(path = "/{id}/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CasePermissions.HAS_VIEW)
    CaseView actWithFiles(@PathVariable long id, @PathVariable String action, @RequestPart("action") ActionBody body,
                          @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return doAct(id, action, body, uploads(files));
    }

    private CaseView doAct(long id, String actionPath, ActionBody body, List<Upload> files) {
        CaseAction action = CaseAction.fromPath(actionPath);
        if (action == null) {
            throw DomainException.notFound("case.action.unknown", actionPath);
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Satisfaction satisfaction = parse(Satisfaction.class, body.satisfaction(), "satisfaction", errors);
        errors.throwIfAny();
        return cases.act(id, CaseCommand.parse(action, new ActionRequest(body.version(), body.note(),
                body.departmentId(), body.handlerId(), body.leadCaseId(), satisfaction, files, body.receivingBody())),
                users.require());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(field, "case.field.enum", value,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")));
            return null;
        }
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            try {
                out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
