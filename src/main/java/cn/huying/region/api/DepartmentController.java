package cn.huying.region.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Permissions;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.DepartmentKind;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.DomainException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "职能部门 Departments", description = "可见本人数据范围内及其上级区域的部门。")
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    record MoveDepartment(Long regionId) {
    }

    record Handler(long id, String username, String displayName) {
    }

    private final Departments departments;
    private final UserAccounts accounts;
    private final CurrentUsers users;

    DepartmentController(Departments departments, UserAccounts accounts, CurrentUsers users) {
        this.departments = departments;
        this.accounts = accounts;
        this.users = users;
    }

    @Operation(summary = "部门列表")
    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_VIEW + "')")
    List<DepartmentView> list(@RequestParam(required = false) Long regionId,
                              @RequestParam(required = false) DepartmentKind kind,
                              @RequestParam(defaultValue = "false") boolean includeRetired) {
        return departments.list(users.scope(), regionId, kind, includeRetired);
    }

    @Operation(summary = "部门详情")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_VIEW + "')")
    DepartmentView get(@PathVariable long id) {
        return departments.get(id, users.scope());
    }

    @Operation(summary = "部门的承办人")
    @GetMapping("/{id}/handlers")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_VIEW + "')")
    List<Handler> handlers(@PathVariable long id) {
        departments.get(id, users.scope());
        return accounts.findByDepartmentAndRole(id, Roles.HANDLER).stream()
                .map(u -> new Handler(u.id(), u.username(), u.displayName())).toList();
    }

    @Operation(summary = "新建部门")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    DepartmentView create(@RequestBody Departments.NewDepartment body) {
        return departments.create(body, users.scope());
    }

    @Operation(summary = "改名、改类别、改电话")
    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    DepartmentView update(@PathVariable long id, @RequestBody Departments.DepartmentChange body) {
        return departments.update(id, body, users.scope());
    }

    @Operation(summary = "移到另一区域")
    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    DepartmentView move(@PathVariable long id, @RequestBody MoveDepartment body) {
        if (body.regionId() == null) {
            throw DomainException.invalid("department.region.required");
        }
        return departments.move(id, body.regionId(), users.scope());
    }

    @Operation(summary = "撤销部门")
    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_EDIT + "')")
    DepartmentView retire(@PathVariable long id) {
        return departments.retire(id, users.scope());
    }
}
