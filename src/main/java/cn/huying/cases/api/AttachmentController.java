package cn.huying.cases.api;

import cn.huying.cases.internal.AttachmentStore;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

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
    @GetMapping("/api/attachments/{id}")
    @PreAuthorize("hasAuthority('case:view')")
    ResponseEntity<byte[]> download(@PathVariable long id) throws IOException {
        AttachmentStore.Stored a = support.attachment(id, users.require());
        boolean image = a.contentType().startsWith("image/");
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(Files.readAllBytes(a.path()));
    }
}
