package cn.huying.region;

import cn.huying.identity.RegionScope;
import java.util.List;
import java.util.Optional;

/**
 * Departments 职能部门. A user sees the departments of the regions in their scope and of the
 * regions above it (a town dispatcher sends work to the county's transport bureau too).
 */
public interface Departments {

    record NewDepartment(String code, String name, DepartmentKind kind, Long regionId, String phone) {
    }

    record DepartmentChange(String name, DepartmentKind kind, String phone) {
    }

    Optional<DepartmentView> find(long id);

    Optional<DepartmentView> findByCode(String code);

    DepartmentView get(long id, RegionScope scope);

    List<DepartmentView> list(RegionScope scope, Long regionId, DepartmentKind kind, boolean includeRetired);

    DepartmentView create(NewDepartment department, RegionScope scope);

    DepartmentView update(long id, DepartmentChange change, RegionScope scope);

    DepartmentView move(long id, long regionId, RegionScope scope);

    DepartmentView retire(long id, RegionScope scope);
}
