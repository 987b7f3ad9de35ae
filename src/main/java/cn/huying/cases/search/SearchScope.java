package cn.huying.cases.search;

/**
 * Which cases a search may find, as the index holds them: those under a region path prefix (null: the whole tree),
 * of one department and of one reporter, each when not null. The case list builds it from the user's data scope.
 */
public record SearchScope(String regionPrefix, Long departmentId, Long reporterUserId) {
}
