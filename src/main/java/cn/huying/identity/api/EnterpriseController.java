package cn.huying.identity.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Enterprises;
import cn.huying.identity.Enterprises.Enterprise;
import cn.huying.identity.Enterprises.Status;
import cn.huying.identity.Permissions;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "企业登记 Enterprises", description = "企业以统一社会信用代码自助登记并授权数据使用，金融办审核；审核通过的企业方可在阳光产融、阳光推介中办理业务。")
@RestController
class EnterpriseController {

    record RegisterRequest(@Schema(example = "91370214MA3C1234X5") String creditCode,
                           @Schema(example = "青岛城阳顺达物流有限公司") String name,
                           String contactName, @Schema(example = "13812345678") String contactPhone,
                           @Schema(description = "同意平台在融资对接中使用本企业数据") boolean consent,
                           @Schema(description = "登录名，留空则为统一社会信用代码") String username,
                           String password) {
    }

    record RegisterAnswer(Enterprise enterprise, String username) {
    }

    record RejectRequest(String reason) {
    }

    private final Enterprises enterprises;
    private final CurrentUsers currentUsers;

    EnterpriseController(Enterprises enterprises, CurrentUsers currentUsers) {
        this.enterprises = enterprises;
        this.currentUsers = currentUsers;
    }

    @Operation(summary = "企业自助登记（无需登录）", description = "创建待审核的企业及其企业账号；须同意数据使用授权。")
    @PostMapping("/api/public/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    RegisterAnswer register(@RequestBody RegisterRequest body) {
        Enterprises.Registered r = enterprises.register(new Enterprises.Registration(body.creditCode(), body.name(),
                body.contactName(), body.contactPhone(), body.consent(), body.username(), body.password()));
        return new RegisterAnswer(r.enterprise(), r.username());
    }

    @Operation(summary = "企业列表（按审核状态）")
    @GetMapping("/api/enterprises")
    @PreAuthorize("hasAuthority('" + Permissions.ENTERPRISE_VIEW + "')")
    List<Enterprise> list(@RequestParam(required = false) Status status) {
        return status == Status.PENDING ? enterprises.listPending() : enterprises.list(status);
    }

    @Operation(summary = "本账号所属企业")
    @GetMapping("/api/enterprises/mine")
    Enterprise mine() {
        return enterprises.findByMember(currentUsers.require().id())
                .orElseThrow(() -> DomainException.notFound("enterprise.not-member"));
    }

    @Operation(summary = "企业详情")
    @GetMapping("/api/enterprises/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.ENTERPRISE_VIEW + "')")
    Enterprise one(@PathVariable long id) {
        return enterprises.findById(id).orElseThrow(() -> DomainException.notFound("enterprise.not-found", id));
    }

    @Operation(summary = "联系人完整信息（记入审计）")
    @GetMapping("/api/enterprises/{id}/contact")
    @PreAuthorize("hasAuthority('" + Permissions.ENTERPRISE_APPROVE + "')")
    Enterprises.Contact contact(@PathVariable long id) {
        return enterprises.contact(id);
    }

    @Operation(summary = "审核通过（金融办）")
    @PostMapping("/api/enterprises/{id}/approve")
    @PreAuthorize("hasAuthority('" + Permissions.ENTERPRISE_APPROVE + "')")
    Enterprise approve(@PathVariable long id) {
        return enterprises.approve(id);
    }

    @Operation(summary = "驳回（金融办，须写明理由）")
    @PostMapping("/api/enterprises/{id}/reject")
    @PreAuthorize("hasAuthority('" + Permissions.ENTERPRISE_APPROVE + "')")
    Enterprise reject(@PathVariable long id, @RequestBody(required = false) RejectRequest body) {
        return enterprises.reject(id, body == null ? null : body.reason());
    }
}
