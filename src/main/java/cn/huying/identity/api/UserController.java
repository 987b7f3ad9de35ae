package cn.huying.identity.api;

import cn.huying.identity.Permissions;
import cn.huying.identity.UserAccounts;
import cn.huying.identity.UserAccounts.UserSummary;
import cn.huying.identity.internal.ApiKeyService;
import cn.huying.identity.internal.IdentityAdmin;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import cn.huying.identity.internal.AccountControl;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "用户与 API Key Users and API keys")
@RestController
class UserController {

    record CreateUser(String username, String displayName, String password, Set<String> roles, Long scopeRegionId,
                      Long departmentId) {
    }

    record CreateApiKey(Long userId, String name) {
    }

    record NewPassword(String password) {
    }

    record RoleSet(Set<String> roles) {
    }

    private final UserAccounts accounts;
    private final IdentityAdmin admin;
    private final AccountControl control;

    UserController(UserAccounts accounts, IdentityAdmin admin, AccountControl control) {
        this.accounts = accounts;
        this.admin = admin;
        this.control = control;
    }

    @Operation(summary = "重置密码：该用户的全部令牌与登录会话立即失效")
    @PostMapping("/api/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    void resetPassword(@PathVariable long id, @RequestBody NewPassword body) {
        control.resetPassword(id, body.password());
    }

    @Operation(summary = "设置角色（替换原有角色）：该用户的全部令牌与登录会话立即失效")
    @PutMapping("/api/users/{id}/roles")
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    UserSummary setRoles(@PathVariable long id, @RequestBody RoleSet body) {
        return control.setRoles(id, body.roles());
    }

    @Operation(summary = "停用账号：全部令牌、登录会话与 API Key 立即失效")
    @PostMapping("/api/users/{id}/disable")
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    UserSummary disable(@PathVariable long id) {
        return control.setEnabled(id, false);
    }

    @Operation(summary = "启用账号")
    @PostMapping("/api/users/{id}/enable")
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    UserSummary enable(@PathVariable long id) {
        return control.setEnabled(id, true);
    }

    @Operation(summary = "用户列表（限本人数据范围）")
    @GetMapping("/api/users")
    @PreAuthorize("hasAuthority('" + Permissions.USER_VIEW + "')")
    PageResult<UserSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return admin.users(q, PageRequest.of(page, size));
    }

    @Operation(summary = "新建用户")
    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    UserSummary create(@RequestBody CreateUser body) {
        return accounts.create(new UserAccounts.NewUser(body.username(), body.displayName(), body.password(),
                body.roles(), body.scopeRegionId(), body.departmentId()));
    }

    @Operation(summary = "API Key 列表（不含密钥本身）")
    @GetMapping("/api/api-keys")
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    List<ApiKeyService.KeyInfo> apiKeys() {
        return admin.apiKeys();
    }

    @Operation(summary = "签发 API Key（密钥只在此响应中出现一次）")
    @PostMapping("/api/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    ApiKeyService.IssuedKey issue(@RequestBody CreateApiKey body) {
        if (body.userId() == null) {
            throw DomainException.invalid("apikey.user.required");
        }
        return admin.issueApiKey(body.userId(), body.name());
    }

    @Operation(summary = "吊销 API Key")
    @DeleteMapping("/api/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    void revoke(@PathVariable long id) {
        admin.revokeApiKey(id);
    }

    @Operation(summary = "审计日志")
    @GetMapping("/api/audit")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_VIEW + "')")
    PageResult<IdentityAdmin.AuditEntry> audit(@RequestParam(required = false) String type,
                                               @RequestParam(required = false) String username,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return admin.audit(type, username, PageRequest.of(page, size));
    }
}
