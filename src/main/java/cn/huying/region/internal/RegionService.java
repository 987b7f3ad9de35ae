package cn.huying.region.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.RegionScope;
import cn.huying.region.DedicatedKind;
import cn.huying.region.GridLocation;
import cn.huying.region.NewRegion;
import cn.huying.region.RegionChange;
import cn.huying.region.RegionRef;
import cn.huying.region.RegionType;
import cn.huying.region.RegionUsage;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region tree: reads within a scope, validated administration, point-in-grid. */
@Service
class RegionService implements Regions, RegionPathLookup {

    static final String SCOPE_DENIED = "SCOPE_DENIED";

    private final RegionRepository repo;
    private final GridIndex grids;
    private final ObjectProvider<RegionUsage> usages;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<Long, String> paths = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    RegionService(RegionRepository repo, GridIndex grids, ObjectProvider<RegionUsage> usages, AuditLog audit,
                  Clock clock) {
        this.repo = repo;
        this.grids = grids;
        this.usages = usages;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public Optional<String> pathOf(long regionId) {
        String cached = paths.getIfPresent(regionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> path = repo.pathOf(regionId);
        path.ifPresent(p -> paths.put(regionId, p));
        return path;
    }

    @Override
    public Optional<RegionView> find(long id) {
        return repo.find(id).map(RegionRow::view);
    }

    @Override
    public String treeMark() {
        return repo.treeMark();
    }

    @Override
    public Optional<RegionView> findByCode(String code) {
        return repo.findByCode(code).map(RegionRow::view);
    }

    @Override
    public RegionView get(long id, RegionScope scope) {
        return inScope(id, scope).view();
    }

    /** The region if it exists and lies in the scope; otherwise NOT_FOUND, and an audit entry when it exists. */
    private RegionRow inScope(long id, RegionScope scope) {
        RegionRow row = repo.find(id).orElseThrow(() -> DomainException.notFound("region.not-found", id));
        if (!scope.covers(row.path())) {
            audit.record(SCOPE_DENIED, "region:" + id, "outside scope " + scope.pathPrefix());
            throw DomainException.notFound("region.not-found", id);
        }
        return row;
    }

    @Override
    public PageResult<RegionView> list(RegionScope scope, Long parentId, RegionType type, String q,
                                       boolean includeRetired, PageRequest page) {
        List<RegionView> items = repo.page(scope.likePattern(), parentId, type, q, includeRetired, page.size(),
                page.offset()).stream().map(RegionRow::view).toList();
        long total = repo.count(scope.likePattern(), parentId, type, q, includeRetired);
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Override
    public List<RegionView> children(long id, RegionScope scope) {
        inScope(id, scope);
        return repo.children(id).stream().map(RegionRow::view).toList();
    }

    @Override
    public Map<RegionType, Long> countSubtree(long id, RegionScope scope) {
        RegionRow row = inScope(id, scope);
        return repo.countSubtreeByType(row.path());
    }

    @Override
    public GridLocation locate(double lat, double lng) {
        if (!Double.isFinite(lat) || !Double.isFinite(lng) || lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            throw DomainException.invalid("region.point.invalid", lat, lng);
        }
        List<GridIndex.Hit> hits = grids.locate(lat, lng);
        Long unitId = hits.stream().filter(h -> h.type() == RegionType.UNIT_GRID).map(GridIndex.Hit::id).findFirst()
                .orElse(null);
        List<Long> dedicatedIds = hits.stream().filter(h -> h.type() == RegionType.DEDICATED_GRID)
                .map(GridIndex.Hit::id).toList();
        Long basicId = hits.stream().filter(h -> h.type() == RegionType.BASIC_GRID).map(GridIndex.Hit::id).findFirst()
                .orElse(null);
        List<Long> ids = new ArrayList<>(dedicatedIds);
        if (unitId != null) {
            ids.add(unitId);
        }
        if (basicId != null) {
            ids.add(basicId);
        }
        Map<Long, RegionRow> rows = byId(repo.findAll(ids));
        RegionRow unit = unitId == null ? null : rows.get(unitId);
        if (basicId == null && unit != null) {
            basicId = unit.parentId();
        }
        RegionRow basic = basicId == null ? null : rows.computeIfAbsent(basicId, k -> repo.find(k).orElse(null));
        RegionRow village = null;
        RegionRow town = null;
        if (basic != null) {
            village = repo.find(basic.parentId()).orElse(null);
        } else if (!dedicatedIds.isEmpty()) {
            RegionRow d = rows.get(dedicatedIds.get(0));
            RegionRow parent = repo.find(d.parentId()).orElse(null);
            village = parent != null && parent.type() == RegionType.VILLAGE ? parent : null;
            town = parent != null && parent.type() == RegionType.TOWN ? parent : null;
        }
        if (village != null && town == null) {
            town = repo.find(village.parentId()).orElse(null);
        }
        List<RegionRef> dedicated = dedicatedIds.stream().map(rows::get).filter(Objects::nonNull).map(RegionRow::ref)
                .toList();
        return new GridLocation(lat, lng, ref(unit), ref(basic), ref(village), ref(town), dedicated);
    }

    private static RegionRef ref(RegionRow row) {
        return row == null ? null : row.ref();
    }

    private static Map<Long, RegionRow> byId(List<RegionRow> rows) {
        return rows.stream().collect(Collectors.toMap(RegionRow::id, Function.identity(), (a, b) -> a,
                java.util.HashMap::new));
    }

    @Override
    public Optional<String> boundary(long id) {
        return repo.boundary(id);
    }

    @Override
    public String boundaries(long rootId, RegionType type, RegionScope scope) {
        RegionRow root = inScope(rootId, scope);
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Map<String, Object> row : repo.boundaries(root.path() + "%", type)) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"type\":\"Feature\",\"id\":").append(row.get("id"))
                    .append(",\"properties\":{\"id\":").append(row.get("id"))
                    .append(",\"code\":").append(quote((String) row.get("code")))
                    .append(",\"name\":").append(quote((String) row.get("name")))
                    .append(",\"type\":").append(quote((String) row.get("type")))
                    .append(",\"parentId\":").append(row.get("parent_id"))
                    .append("},\"geometry\":").append(row.get("boundary")).append('}');
        }
        return json.append("]}").toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public List<RegionRef> lineage(long id) {
        RegionRow row = repo.find(id).orElseThrow(() -> DomainException.notFound("region.not-found", id));
        List<Long> ids = Arrays.stream(row.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        Map<Long, RegionRow> rows = byId(repo.findAll(ids));
        return ids.stream().map(rows::get).filter(Objects::nonNull).map(RegionRow::ref).toList();
    }

    // ---- administration -------------------------------------------------------------------

    @Override
    @Transactional
    public RegionView create(NewRegion r, RegionScope scope) {
        if (r.type() == null) {
            throw DomainException.invalid("region.type.required");
        }
        String code = checkCode(r.code());
        String name = checkName(r.name());
        DedicatedKind kind = r.type() == RegionType.DEDICATED_GRID ? r.dedicatedKind() : null;
        if (r.type() == RegionType.DEDICATED_GRID && kind == null) {
            throw DomainException.invalid("region.dedicated-kind.required");
        }
        checkCounts(r.households(), r.population());
        RegionRow parent = null;
        if (r.parentId() == null) {
            if (!r.type().allowedParents().isEmpty() || !scope.unrestricted()) {
                throw DomainException.invalid("region.parent.required", r.type().label());
            }
        } else {
            parent = inScope(r.parentId(), scope);
            checkFits(r.type(), parent);
        }
        if (repo.codeTaken(code)) {
            throw DomainException.conflict("region.code.duplicate", code);
        }
        Geometry shape = r.boundaryGeoJson() == null ? null : Boundaries.parse(r.boundaryGeoJson());
        long id;
        try {
            id = repo.insert(code, name, blankToNull(r.abbr()), r.type(), kind, parent == null ? null : parent.id(),
                    shape == null ? null : Boundaries.write(shape), shape == null ? null : Boundaries.bbox(shape),
                    r.households(), r.population(), clock.instant());
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("region.code.duplicate", code);
        }
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        repo.setPath(id, path, parent == null ? 0 : parent.depth() + 1);
        if (r.type().isGrid()) {
            grids.invalidate();
        }
        audit.record("REGION_CREATED", "region:" + id, code + " " + name);
        return repo.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public RegionView update(long id, RegionChange change, RegionScope scope) {
        RegionRow row = inScope(id, scope);
        String name = change.name() == null ? row.name() : checkName(change.name());
        String abbr = change.abbr() == null ? row.abbr() : blankToNull(change.abbr());
        Integer households = change.households() == null ? row.households() : change.households();
        Integer population = change.population() == null ? row.population() : change.population();
        checkCounts(households, population);
        String boundary;
        RegionRepository.Bbox bbox = null;
        if (change.boundaryGeoJson() != null) {
            Geometry shape = Boundaries.parse(change.boundaryGeoJson());
            boundary = Boundaries.write(shape);
            bbox = Boundaries.bbox(shape);
        } else {
            boundary = repo.boundary(id).orElse(null);
            if (boundary != null) {
                bbox = Boundaries.bbox(Boundaries.parse(boundary));
            }
        }
        repo.update(id, name, abbr, boundary, bbox, households, population, clock.instant());
        grids.invalidate();
        audit.record("REGION_UPDATED", "region:" + id, name);
        return repo.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public RegionView move(long id, long newParentId, RegionScope scope) {
        RegionRow row = inScope(id, scope);
        RegionRow parent = inScope(newParentId, scope);
        if (parent.path().startsWith(row.path())) {
            throw DomainException.invalid("region.move.cycle", row.name(), parent.name());
        }
        checkFits(row.type(), parent);
        if (Objects.equals(row.parentId(), parent.id())) {
            return row.view();
        }
        String newPath = parent.path() + row.id() + "/";
        repo.setParent(id, parent.id());
        repo.movePaths(row.path(), newPath, parent.depth() + 1 - row.depth(), clock.instant());
        paths.invalidateAll();
        grids.invalidate();
        audit.record("REGION_MOVED", "region:" + id, row.path() + " -> " + newPath);
        return repo.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public RegionView retire(long id, RegionScope scope) {
        RegionRow row = inScope(id, scope);
        if (row.retired()) {
            return row.view();
        }
        long active = repo.countChildren(id, true);
        if (active > 0) {
            throw DomainException.conflict("region.retire.has-children", row.name(), active);
        }
        repo.retire(id, clock.instant());
        grids.invalidate();
        audit.record("REGION_RETIRED", "region:" + id, row.name());
        return repo.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public void delete(long id, RegionScope scope) {
        RegionRow row = inScope(id, scope);
        long children = repo.countChildren(id, false);
        if (children > 0) {
            throw DomainException.conflict("region.delete.has-children", row.name(), children);
        }
        for (RegionUsage usage : usages) {
            long n = usage.countIn(id);
            if (n > 0) {
                throw DomainException.conflict(usage.refusalMessageKey(), row.name(), n);
            }
        }
        long departments = repo.countDepartments(id);
        if (departments > 0) {
            throw DomainException.conflict("region.delete.has-departments", row.name(), departments);
        }
        try {
            repo.delete(id);
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("region.delete.referenced", row.name());
        }
        paths.invalidate(id);
        grids.invalidate();
        audit.record("REGION_DELETED", "region:" + id, row.code() + " " + row.name());
    }

    private static void checkFits(RegionType type, RegionRow parent) {
        if (parent.retired()) {
            throw DomainException.invalid("region.parent.retired", parent.name());
        }
        if (!type.allowedParents().contains(parent.type())) {
            throw DomainException.invalid("region.type.unfit", type.label(), parent.type().label(), parent.name());
        }
    }

    private static String checkCode(String code) {
        if (code == null || !code.strip().matches("[A-Za-z0-9_-]{1,40}")) {
            throw DomainException.invalid("region.code.invalid");
        }
        return code.strip();
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw DomainException.invalid("region.name.invalid");
        }
        return name.strip();
    }

    private static void checkCounts(Integer households, Integer population) {
        if ((households != null && households < 0) || (population != null && population < 0)) {
            throw DomainException.invalid("region.counts.invalid");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
