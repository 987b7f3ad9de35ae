package cn.huying.hotline.api;

import cn.huying.hotline.internal.CategoryMappings;
import cn.huying.hotline.internal.OutboxAdmin;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "热线对接管理 Hotline administration", description = "热线分类与事件分类的映射；回传热线的消息队列（发件箱）。")
@RestController
@RequestMapping("/api/hotline")
class HotlineAdminController {

    record MappingBody(String categoryCode) {
    }

    private final CategoryMappings mappings;
    private final OutboxAdmin outbox;
    private final CurrentUsers users;

    HotlineAdminController(CategoryMappings mappings, OutboxAdmin outbox, CurrentUsers users) {
        this.mappings = mappings;
        this.outbox = outbox;
        this.users = users;
    }

    @Operation(summary = "热线分类映射表")
    @GetMapping("/category-mappings")
    @PreAuthorize("hasAuthority('channel:edit')")
    List<CategoryMappings.Mapping> mappings() {
        return mappings.list();
    }

    @Operation(summary = "设置一个热线分类对应的事件分类（没有则新建）")
    @PutMapping("/category-mappings/{hotlineCategory}")
    @PreAuthorize("hasAuthority('channel:edit')")
    CategoryMappings.Mapping put(@Parameter(description = "热线分类名称，如 供暖") @PathVariable String hotlineCategory,
                                 @RequestBody MappingBody body) {
        return mappings.put(hotlineCategory, body.categoryCode(), users.require());
    }

    @Operation(summary = "删除一个热线分类映射（之后该分类归入“其他”对应的分类）")
    @DeleteMapping("/category-mappings/{hotlineCategory}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('channel:edit')")
    void delete(@PathVariable String hotlineCategory) {
        mappings.delete(hotlineCategory);
    }

    @Operation(summary = "回传热线的消息（发件箱），新的在前", description = "state：PENDING 待发送、SENT 热线已确认收到。")
    @GetMapping("/outbox")
    @PreAuthorize("hasAuthority('channel:edit')")
    PageResult<OutboxAdmin.Entry> outbox(@RequestParam(required = false) String state,
                                         @RequestParam(required = false) String orderNo,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return outbox.list(state, orderNo, PageRequest.of(page, size));
    }

    @Operation(summary = "待发送的消息不再等待退避，下一轮即重发")
    @PostMapping("/outbox/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('channel:edit')")
    void retry(@PathVariable long id) {
        outbox.retryNow(id);
    }
}
