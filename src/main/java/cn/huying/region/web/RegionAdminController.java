package cn.huying.region.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Permissions;
import cn.huying.identity.RegionScope;
import cn.huying.region.DedicatedKind;
import cn.huying.region.DepartmentKind;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.region.NewRegion;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of the region tree (browse level by level, add a child, retire) and of departments,
 * over the same validated {@link Regions} and {@link Departments} as the REST API. Also serves the
 * region and department choices other modules' admin forms load with htmx, so those modules need not
 * depend on this one.
 */
@Controller
class RegionAdminController {

    private static final EnumSet<RegionType> SCOPE_TYPES = EnumSet.of(RegionType.COUNTY, RegionType.TOWN,
            RegionType.VILLAGE, RegionType.BASIC_GRID);

    private final Regions regions;
    private final Departments departments;
    private final CurrentUsers users;

    RegionAdminController(Regions regions, Departments departments, CurrentUsers users) {
        this.regions = regions;
        this.departments = departments;
        this.users = users;
    }

    @GetMapping("/admin/regions")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    String regions(@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        RegionScope scope = users.scope();
        RegionView parent = parentId == null ? null : regions.get(parentId, scope);
        var result = parent == null
                ? regions.list(scope, null, RegionType.COUNTY, null, true, new PageRequest(Math.max(0, page), 30))
                : regions.list(scope, parentId, null, null, true, new PageRequest(Math.max(0, page), 30));
        if (parent == null && result.total() == 0) {
            // a scope below county level starts at its own region
            result = regions.list(scope, null, null, null, true, new PageRequest(0, 1));
        }
        model.addAttribute("parent", parent);
        model.addAttribute("lineage", parent == null ? List.of() : regions.lineage(parent.id()));
        model.addAttribute("result", result);
        model.addAttribute("types", parent == null ? List.of(RegionType.COUNTY) : childTypes(parent.type()));
        model.addAttribute("dedicatedKinds", DedicatedKind.values());
        if (parent != null) {
            model.addAttribute("counts", regions.countSubtree(parent.id(), scope));
        }
        return "admin/regions";
    }

    @PostMapping("/admin/regions")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    String create(@RequestParam(required = false) Long parentId, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) RegionType type,
                  @RequestParam(required = false) DedicatedKind dedicatedKind, RedirectAttributes redirect) {
        String back = "/admin/regions" + (parentId == null ? "" : "?parentId=" + parentId);
        try {
            RegionView created = regions.create(new NewRegion(code, name, null, type, dedicatedKind, parentId, null, null,
                    null), users.scope());
            redirect.addFlashAttribute("doneKey", "admin.region.created");
            redirect.addFlashAttribute("doneArg", created.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:" + back;
    }

    @PostMapping("/admin/regions/{id}/retire")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    String retire(@PathVariable long id, @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
        try {
            RegionView r = regions.retire(id, users.scope());
            redirect.addFlashAttribute("doneKey", "admin.region.retired");
            redirect.addFlashAttribute("doneArg", r.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/regions" + (parentId == null ? "" : "?parentId=" + parentId);
    }

    /** {@code <option>}s of the regions a user's data scope may be (county to basic grid). */
    @GetMapping("/admin/regions/options")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    String regionOptions(Model model) {
        List<RegionView> out = new ArrayList<>();
        for (RegionType t : SCOPE_TYPES) {
            out.addAll(regions.list(users.scope(), null, t, null, false, new PageRequest(0, 200)).items());
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        model.addAttribute("regions", out);
        return "admin/options :: regions";
    }

    @GetMapping("/admin/departments")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_VIEW + "')")
    String departments(Model model) {
        model.addAttribute("departments", departments.list(users.scope(), null, null, true));
        model.addAttribute("kinds", DepartmentKind.values());
        model.addAttribute("towns", regions.list(users.scope(), null, null, null, false, new PageRequest(0, 50)).items()
                .stream().filter(r -> r.type() == RegionType.COUNTY || r.type() == RegionType.TOWN).toList());
        return "admin/departments";
    }

    @PostMapping("/admin/departments")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    String createDepartment(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                            @RequestParam(required = false) DepartmentKind kind,
                            @RequestParam(required = false) Long regionId, @RequestParam(required = false) String phone,
                            RedirectAttributes redirect) {
        try {
            DepartmentView d = departments.create(new Departments.NewDepartment(code, name, kind, regionId, phone),
                    users.scope());
            redirect.addFlashAttribute("doneKey", "admin.department.created");
            redirect.addFlashAttribute("doneArg", d.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/departments";
    }

    @PostMapping("/admin/departments/{id}/retire")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    String retireDepartment(@PathVariable long id, RedirectAttributes redirect) {
        try {
            DepartmentView d = departments.retire(id, users.scope());
            redirect.addFlashAttribute("doneKey", "admin.department.retired");
            redirect.addFlashAttribute("doneArg", d.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/departments";
    }

    /** {@code <option>}s of the active departments in scope. */
    @GetMapping("/admin/departments/options")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_VIEW + "')")
    String departmentOptions(Model model) {
        model.addAttribute("departments", departments.list(users.scope(), null, null, false));
        return "admin/options :: departments";
    }

    private static List<RegionType> childTypes(RegionType parent) {
        List<RegionType> out = new ArrayList<>();
        for (RegionType t : RegionType.values()) {
            if (t.allowedParents().contains(parent)) {
                out.add(t);
            }
        }
        return out;
    }
}
