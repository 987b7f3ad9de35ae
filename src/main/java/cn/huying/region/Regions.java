package cn.huying.region;

import cn.huying.identity.RegionScope;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region tree. Methods taking a {@link RegionScope} answer only inside it; a region outside
 * the scope is reported as not found.
 */
public interface Regions {

    /** Any region by id, without scope: for other modules' own checks. */
    Optional<RegionView> find(long id);

    Optional<RegionView> findByCode(String code);

    /** A region inside the scope, else {@code DomainException} NOT_FOUND (audited). */
    RegionView get(long id, RegionScope scope);

    PageResult<RegionView> list(RegionScope scope, Long parentId, RegionType type, String q, boolean includeRetired,
                                PageRequest page);

    List<RegionView> children(long id, RegionScope scope);

    /** Active (not retired) regions of the subtree counted by type, the root excluded. */
    Map<RegionType, Long> countSubtree(long id, RegionScope scope);

    /** The grid and its ancestors at a point, by geometry, without scope. */
    GridLocation locate(double lat, double lng);

    /** The GeoJSON boundary of a region, if it has one. */
    Optional<String> boundary(long id);

    /** GeoJSON FeatureCollection of the subtree's regions of a type that have boundaries. */
    String boundaries(long rootId, RegionType type, RegionScope scope);

    /**
     * A fingerprint of the whole tree (how many regions, the latest change): it differs after any region was added,
     * edited or moved. For readers that keep figures per county or town (analytics' daily rollup): a moved region
     * changes which town its cases count in.
     */
    String treeMark();

    /** The ancestors of a region from the root down, the region itself last. */
    List<RegionRef> lineage(long id);

    RegionView create(NewRegion region, RegionScope scope);

    RegionView update(long id, RegionChange change, RegionScope scope);

    RegionView move(long id, long newParentId, RegionScope scope);

    RegionView retire(long id, RegionScope scope);

    void delete(long id, RegionScope scope);
}
