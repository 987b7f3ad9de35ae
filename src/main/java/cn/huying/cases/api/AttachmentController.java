package cn.huying.cases.api;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.internal.AttachmentStore;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Tag(name = "事件 Cases")
@RestController
class AttachmentController {

    private final CaseWebSupport support;
    private final CurrentUsers users;

    AttachmentController(CaseWebSupport support, CurrentUsers users) {
        this.support = support;
        this.users = users;
    }

    @Operation(summary = "下载附件：图片直接显示，其余作为下载；从不以 HTML 返回")
    @ApiResponse(responseCode = "200", description = "附件文件（JPEG、PNG、WebP、PDF、DOCX、XLSX），Content-Type 为其检测出的类型",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/attachments/{id}")
    @PreAuthorize(CasePermissions.HAS_VIEW)
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id) {
        return support.download(support.attachment(id, users.require()));
    }
}
