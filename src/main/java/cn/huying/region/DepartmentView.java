package cn.huying.region;

/** A department as other modules and API clients see it. */
public record DepartmentView(long id, String code, String name, DepartmentKind kind, long regionId, String regionName,
                             String phone, boolean retired) {
}
