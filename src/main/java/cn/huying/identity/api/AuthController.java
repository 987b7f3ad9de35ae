package cn.huying.identity.api;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.internal.AccountControl;
import cn.huying.identity.internal.IdentityAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Set;
import cn.huying.identity.internal.LoginRefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "认证 Authentication")
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record TokenRequest(@NotBlank String username, @NotBlank String password) {
    }

    record TokenResponse(String accessToken, String tokenType, Instant expiresAt) {
    }

    record Me(long id, String username, String displayName, Set<String> roles, Set<String> permissions,
              Long scopeRegionId, Long departmentId) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final IdentityAdmin auth;
    private final CurrentUsers currentUsers;
    private final AccountControl control;

    AuthController(IdentityAdmin auth, CurrentUsers currentUsers, AccountControl control) {
        this.auth = auth;
        this.currentUsers = currentUsers;
        this.control = control;
    }

    @Operation(summary = "修改本人密码：本人的全部令牌与登录会话随即失效，需重新登录")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
        control.changeOwnPassword(currentUsers.require().id(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "以用户名和密码换取访问令牌 (Bearer)",
            description = "401 用户名或密码错误；429 失败过多需等待（Retry-After）；423 账号已锁定。")
    @PostMapping("/token")
    ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
        IdentityAdmin.Issued issued = auth.issueToken(request.username(), request.password());
        return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    @ExceptionHandler(LoginRefusedException.class)
    ResponseEntity<ProblemDetail> refused(LoginRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Operation(summary = "注销当前令牌")
    @DeleteMapping("/token")
    ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
        auth.revokeToken(authorization.substring(7).strip());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "当前用户、角色、权限与数据范围")
    @GetMapping("/me")
    Me me() {
        CurrentUser u = currentUsers.require();
        return new Me(u.id(), u.username(), u.displayName(), u.roles(), u.permissions(), u.scopeRegionId(),
                u.departmentId());
    }
}
