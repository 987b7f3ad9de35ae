package cn.huying.cases.api;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.CaseKind;
import cn.huying.cases.Category;
import cn.huying.cases.Tier;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.region.DepartmentKind;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "事件分类 Categories", description = "分类树：默认承办部门类别、默认层级、时限规则键、是否对群众开放。")
@RestController
@RequestMapping("/api/categories")
class CategoryController {

    record CategoryBody(String code, String name, String kind, Long parentId, String defaultDepartmentKind,
                        String defaultTier, String timeLimitKey, Boolean openToPublic, String description,
                        Boolean active) {
    }

    private final CaseWebSupport support;

    CategoryController(CaseWebSupport support) {
        this.support = support;
    }

    @Operation(summary = "全部分类（树形以 parentId 表示）")
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Category> list() {
        return support.categories();
    }

    @Operation(summary = "新建分类")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CasePermissions.HAS_CATEGORY_EDIT)
    Category create(@RequestBody CategoryBody b) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        CaseKind kind = CaseController.parse(CaseKind.class, b.kind(), "kind", errors);
        DepartmentKind dept = CaseController.parse(DepartmentKind.class, b.defaultDepartmentKind(), "defaultDepartmentKind", errors);
        Tier tier = CaseController.parse(Tier.class, b.defaultTier(), "defaultTier", errors);
        if (kind == null && !errors.has("kind")) {
            errors.add("kind", "case.field.required", "kind");
        }
        if (b.name() == null || b.name().isBlank()) {
            errors.add("name", "case.field.required", "name");
        }
        errors.throwIfAny();
        return support.createCategory(new Category(0, b.code(), b.name().strip(), kind, b.parentId(), dept,
                tier == null ? Tier.TOWN : tier, b.timeLimitKey() == null ? "GENERAL" : b.timeLimitKey(),
                Boolean.TRUE.equals(b.openToPublic()), b.description(), true));
    }

    @Operation(summary = "分类的全部版本（新的在前）：每次修改发布一个新版本，事件按上报时生效的版本显示和计时")
    @GetMapping("/{id}/versions")
    @PreAuthorize("isAuthenticated()")
    List<CaseWebSupport.CategoryVersion> versions(@PathVariable long id) {
        return support.categoryVersions(id);
    }

    @Operation(summary = "修改分类（未给出的字段不变），发布新版本")
    @PatchMapping("/{id}")
    @PreAuthorize(CasePermissions.HAS_CATEGORY_EDIT)
    Category update(@PathVariable long id, @RequestBody CategoryBody b) {
        Category c = support.category(id).orElseThrow(() -> DomainException.notFound("category.not-found", id));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        DepartmentKind dept = CaseController.parse(DepartmentKind.class, b.defaultDepartmentKind(), "defaultDepartmentKind", errors);
        Tier tier = CaseController.parse(Tier.class, b.defaultTier(), "defaultTier", errors);
        errors.throwIfAny();
        return support.updateCategory(new Category(id, c.code(), b.name() == null ? c.name() : b.name().strip(), c.kind(),
                c.parentId(), dept == null ? c.defaultDepartmentKind() : dept, tier == null ? c.defaultTier() : tier,
                b.timeLimitKey() == null ? c.timeLimitKey() : b.timeLimitKey(),
                b.openToPublic() == null ? c.openToPublic() : b.openToPublic(),
                b.description() == null ? c.description() : b.description(), b.active() == null ? c.active() : b.active()));
    }
}
