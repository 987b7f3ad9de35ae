package cn.huying.cases;

import cn.huying.shared.PageRequest;

/** Filters of the case list; every one optional. {@code q} searches code, title and description. */
public record CaseQuery(CaseState state, CaseKind kind, Tier tier, Long regionId, Long departmentId, String q,
                        PageRequest page) {
}
