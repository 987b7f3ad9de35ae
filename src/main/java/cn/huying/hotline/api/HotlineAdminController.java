package cn.huying.hotline.api;

import cn.huying.hotline.internal.CategoryMappings;
import cn.huying.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "热线对接管理 Hotline administration", description = "热线分类与事件分类的映射。")
@RestController
@RequestMapping("/api/hotline")
class HotlineAdminController {

    record MappingBody(String categoryCode) {
    }

    private final CategoryMappings mappings;
    private final CurrentUsers users;

    HotlineAdminController(CategoryMappings mappings, CurrentUsers users) {
        this.mappings = mappings;
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
}
