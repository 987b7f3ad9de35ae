package cn.huying.cases.web;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.CaseKind;
import cn.huying.cases.Category;
import cn.huying.cases.Tier;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.region.DepartmentKind;
import cn.huying.shared.DomainException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The category tree 事件分类 for administrators: each category's default department, tier, time-limit
 * rule key, whether citizens may choose it in the portal, and whether it is in use.
 */
@Controller
class CategoryAdminController {

    private final CaseWebSupport support;

    CategoryAdminController(CaseWebSupport support) {
        this.support = support;
    }

    @GetMapping("/admin/categories")
    @PreAuthorize(CasePermissions.HAS_CATEGORY_EDIT)
    String list(Model model) {
        model.addAttribute("categories", support.categories());
        Map<Long, Category> byId = support.categories().stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        model.addAttribute("byId", byId);
        model.addAttribute("roots", support.categories().stream().filter(c -> c.parentId() == null).toList());
        model.addAttribute("departmentKinds", DepartmentKind.values());
        model.addAttribute("tiers", Tier.values());
        return "admin/categories";
    }

    @PostMapping("/admin/categories")
    @PreAuthorize(CasePermissions.HAS_CATEGORY_EDIT)
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Long parentId,
                  @RequestParam(required = false) DepartmentKind defaultDepartmentKind,
                  @RequestParam(required = false) Tier defaultTier,
                  @RequestParam(defaultValue = "GENERAL") String timeLimitKey,
                  @RequestParam(defaultValue = "false") boolean openToPublic, RedirectAttributes redirect) {
        try {
            Category parent = parentId == null ? null : support.category(parentId)
                    .orElseThrow(() -> DomainException.notFound("category.not-found", parentId));
            if (name == null || name.isBlank() || parent == null) {
                throw DomainException.invalid("admin.category.required");
            }
            CaseKind kind = parent.kind();
            Category c = support.createCategory(new Category(0, code == null ? null : code.strip(), name.strip(), kind,
                    parentId, defaultDepartmentKind, defaultTier == null ? Tier.TOWN : defaultTier, timeLimitKey,
                    openToPublic, null, true));
            redirect.addFlashAttribute("doneKey", "admin.category.created");
            redirect.addFlashAttribute("doneArg", c.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}")
    @PreAuthorize(CasePermissions.HAS_CATEGORY_EDIT)
    String update(@PathVariable long id, @RequestParam(required = false) DepartmentKind defaultDepartmentKind,
                  @RequestParam(required = false) Tier defaultTier, @RequestParam(defaultValue = "false") boolean active,
                  @RequestParam(defaultValue = "false") boolean openToPublic, RedirectAttributes redirect) {
        try {
            Category c = support.category(id).orElseThrow(() -> DomainException.notFound("category.not-found", id));
            support.updateCategory(new Category(id, c.code(), c.name(), c.kind(), c.parentId(),
                    defaultDepartmentKind == null ? c.defaultDepartmentKind() : defaultDepartmentKind,
                    defaultTier == null ? c.defaultTier() : defaultTier, c.timeLimitKey(), openToPublic,
                    c.description(), active));
            redirect.addFlashAttribute("doneKey", "admin.category.updated");
            redirect.addFlashAttribute("doneArg", c.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/categories";
    }
}
