package cn.huying.cases.internal;

import cn.huying.region.RegionUsage;
import org.springframework.stereotype.Component;

/** A region that still has cases cannot be deleted. */
@Component
class CaseRegionUsage implements RegionUsage {

    private final CaseQueries queries;

    CaseRegionUsage(CaseQueries queries) {
        this.queries = queries;
    }

    @Override
    public long countIn(long regionId) {
        return queries.countInRegion(regionId);
    }

    @Override
    public String refusalMessageKey() {
        return "region.delete.has-cases";
    }
}
