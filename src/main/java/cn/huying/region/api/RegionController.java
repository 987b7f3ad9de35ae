package cn.huying.region.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Permissions;
import cn.huying.identity.RegionScope;
import cn.huying.region.DedicatedKind;
import cn.huying.region.GridLocation;
import cn.huying.region.NewRegion;
import cn.huying.region.RegionChange;
import cn.huying.region.RegionRef;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "区域与网格 Regions and grids",
        description = "区县 → 镇街 → 村居 → 基础网格 → 基础单元网格，及专属网格。数据范围之外的区域一律答 404。")
@RestController
@RequestMapping("/api/regions")
class RegionController {

    record CreateRegion(String code, String name, String abbr, RegionType type, DedicatedKind dedicatedKind,
                        Long parentId, JsonNode boundary, Integer households, Integer population) {
    }

    record UpdateRegion(String name, String abbr, JsonNode boundary, Integer households, Integer population) {
    }

    record MoveRegion(Long parentId) {
    }

    record RegionDetail(RegionView region, List<RegionRef> lineage) {
    }

    record SubtreeCounts(long regionId, String name, Map<RegionType, Long> counts) {
    }

    private final Regions regions;
    private final CurrentUsers users;

    RegionController(Regions regions, CurrentUsers users) {
        this.regions = regions;
        this.users = users;
    }

    private RegionScope scope() {
        return users.scope();
    }

    @Operation(summary = "区域列表（限数据范围，按路径排序，分页）")
    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    PageResult<RegionView> list(@RequestParam(required = false) Long parentId,
                                @RequestParam(required = false) RegionType type,
                                @RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "false") boolean includeRetired,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return regions.list(scope(), parentId, type, q, includeRetired, PageRequest.of(page, size));
    }

    @Operation(summary = "区域详情及其上级链")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    RegionDetail get(@PathVariable long id) {
        RegionView region = regions.get(id, scope());
        return new RegionDetail(region, regions.lineage(id));
    }

    @Operation(summary = "按编码查区域")
    @GetMapping("/by-code/{code}")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    RegionDetail byCode(@PathVariable String code) {
        RegionView found = regions.findByCode(code).orElseThrow(() -> DomainException.notFound("region.not-found", code));
        return get(found.id());
    }

    @Operation(summary = "直接下级")
    @GetMapping("/{id}/children")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    List<RegionView> children(@PathVariable long id) {
        return regions.children(id, scope());
    }

    @Operation(summary = "下级区域按类型计数（不含已撤销），如木石镇：45 个基础网格、132 个基础单元网格、63 个专属网格")
    @GetMapping("/{id}/counts")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    SubtreeCounts counts(@PathVariable long id) {
        RegionView region = regions.get(id, scope());
        return new SubtreeCounts(id, region.name(), regions.countSubtree(id, scope()));
    }

    @Operation(summary = "区域边界 (GeoJSON 几何)")
    @GetMapping(value = "/{id}/boundary", produces = "application/geo+json")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    ResponseEntity<String> boundary(@PathVariable long id) {
        regions.get(id, scope());
        return regions.boundary(id)
                .map(b -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(b))
                .orElseThrow(() -> DomainException.notFound("region.boundary.none", id));
    }

    @Operation(summary = "下级某类网格的边界 (GeoJSON FeatureCollection)，供地图使用")
    @GetMapping(value = "/{id}/boundaries", produces = "application/geo+json")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    ResponseEntity<String> boundaries(@PathVariable long id,
                                      @RequestParam(defaultValue = "UNIT_GRID") RegionType type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(regions.boundaries(id, type, scope()));
    }

    @Operation(summary = "坐标定位网格：给出基础单元网格、基础网格、村居、镇街和专属网格（数据范围外的不显示）")
    @GetMapping("/locate")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_VIEW + "')")
    GridLocation locate(@Parameter(description = "纬度 WGS 84") @RequestParam double lat,
                        @Parameter(description = "经度 WGS 84") @RequestParam double lng) {
        GridLocation found = regions.locate(lat, lng);
        RegionScope scope = scope();
        if (scope.unrestricted()) {
            return found;
        }
        List<RegionRef> dedicated = new ArrayList<>();
        for (RegionRef d : found.dedicatedGrids()) {
            if (visible(d, scope)) {
                dedicated.add(d);
            }
        }
        return new GridLocation(lat, lng, visibleOrNull(found.unitGrid(), scope), visibleOrNull(found.basicGrid(), scope),
                visibleOrNull(found.village(), scope), visibleOrNull(found.town(), scope), dedicated);
    }

    private boolean visible(RegionRef ref, RegionScope scope) {
        return regions.find(ref.id()).map(r -> scope.covers(r.path())).orElse(false);
    }

    private RegionRef visibleOrNull(RegionRef ref, RegionScope scope) {
        return ref != null && visible(ref, scope) ? ref : null;
    }

    @Operation(summary = "新建区域；类型须与上级相符，编码唯一")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    RegionView create(@RequestBody CreateRegion body) {
        return regions.create(new NewRegion(body.code(), body.name(), body.abbr(), body.type(), body.dedicatedKind(),
                body.parentId(), body.boundary() == null || body.boundary().isNull() ? null : body.boundary().toString(),
                body.households(), body.population()), scope());
    }

    @Operation(summary = "改名、改边界、改户数人口（未给出的字段不变）")
    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    RegionView update(@PathVariable long id, @RequestBody UpdateRegion body) {
        return regions.update(id, new RegionChange(body.name(), body.abbr(),
                body.boundary() == null || body.boundary().isNull() ? null : body.boundary().toString(),
                body.households(), body.population()), scope());
    }

    @Operation(summary = "移动到新的上级；不得成环，类型须相符")
    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    RegionView move(@PathVariable long id, @RequestBody MoveRegion body) {
        if (body.parentId() == null) {
            throw DomainException.invalid("region.parent.required", "");
        }
        return regions.move(id, body.parentId(), scope());
    }

    @Operation(summary = "撤销区域（保留历史）；下级须先撤销")
    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    RegionView retire(@PathVariable long id) {
        return regions.retire(id, scope());
    }

    @Operation(summary = "删除区域；仍有下级、部门或事件时拒绝")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permissions.REGION_EDIT + "')")
    void delete(@PathVariable long id) {
        regions.delete(id, scope());
    }
}
